namespace AidDirectory.Search.Indexing;

/// <summary>
/// The first few of many results in order, without sorting the rest: a page of 20 out of 50,000
/// matches keeps a heap of 20 and compares each match once against its worst.
/// </summary>
internal static class BestFirst
{
    public static List<T> Take<T>(List<T> items, int count, Comparison<T> order)
    {
        if (count >= items.Count)
        {
            var all = new List<T>(items);
            all.Sort(order);
            return all;
        }

        var kept = new PriorityQueue<T, T>(count + 1, Comparer<T>.Create((a, b) => order(b, a)));
        foreach (var item in items)
        {
            if (kept.Count < count)
            {
                kept.Enqueue(item, item);
            }
            else if (order(item, kept.Peek()) < 0)
            {
                kept.EnqueueDequeue(item, item);
            }
        }

        var best = new List<T>(kept.Count);
        while (kept.TryDequeue(out var item, out _))
        {
            best.Add(item);
        }

        best.Reverse();
        return best;
    }
}
