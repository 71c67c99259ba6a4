namespace AidDirectory.Search.Querying;

/// <summary>The order results are shown in.</summary>
internal static class ResultOrder
{
    // Near a place: nearest first, in steps of a kilometre, and the best match first within a step
    // ("albany park library" puts the Albany Park branch before a library a few blocks closer). Ties go
    // by name, then by id, so the same query always gives the same pages.
    public static Comparison<Candidate> For(bool nearAPlace, bool byWords) => (a, b) =>
    {
        var order = 0;
        if (nearAPlace)
        {
            order = Step(a.Distance).CompareTo(Step(b.Distance));
        }

        if (order == 0 && (nearAPlace || byWords))
        {
            order = b.Score.CompareTo(a.Score);
        }

        if (order == 0 && nearAPlace)
        {
            order = Nullable.Compare(a.Distance, b.Distance);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.Listing.Service.Name, b.Listing.Service.Name);
        }

        return order != 0 ? order : a.Listing.Id.CompareTo(b.Listing.Id);

        static double Step(double? distance) => distance is { } d ? Math.Floor(d) : double.MaxValue;
    };
}
