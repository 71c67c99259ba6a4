using System.Diagnostics;
using System.Globalization;
using AidDirectory.Benchmarks;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Schedules;
using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using NodaTime;

// Search latency and index cost at several sizes, against a naive LINQ scan over the same objects.
// dotnet run -c Release --project tests/AidDirectory.Benchmarks -- [--sizes 10000,100000,1000000] [--iterations 200]
// The moderation queue over HTTP instead: -- --queue 10000 [--iterations 50] (see QueueBenchmark).
// Flyers drawn, cached and beside search instead: -- --flyers [--iterations 7] [--seconds 5] (see FlyerBenchmark).
if (Array.IndexOf(args, "--flyers") >= 0)
{
    await FlyerBenchmark.RunAsync(int.Parse(Option("--iterations", "7"), CultureInfo.InvariantCulture), double.Parse(Option("--seconds", "5"), CultureInfo.InvariantCulture));
    return;
}

if (Array.IndexOf(args, "--queue") >= 0)
{
    await QueueBenchmark.RunAsync(int.Parse(Option("--queue", "10000"), CultureInfo.InvariantCulture), int.Parse(Option("--iterations", "50"), CultureInfo.InvariantCulture));
    return;
}

var sizes = Option("--sizes", "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var iterations = int.Parse(Option("--iterations", "200"), CultureInfo.InvariantCulture);
var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero));
var openNow = new OpenNow(clock, DateTimeZoneProviders.Tzdb["America/Chicago"]);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {iterations} iterations per query"));

foreach (var size in sizes)
{
    var listings = SyntheticListings.Make(size);
    using var index = new PublishedListingIndex(openNow);
    GC.Collect();
    var before = GC.GetTotalMemory(forceFullCollection: true);
    var build = Stopwatch.StartNew();
    index.Load(listings, new CategoryVocabulary(SyntheticListings.Categories, index.Analyzers), new PlaceNames(SyntheticListings.Places, index.Analyzers), 1);
    build.Stop();
    var memory = GC.GetTotalMemory(forceFullCollection: true) - before;
    var peak = Process.GetCurrentProcess().PeakWorkingSet64;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"\n{size:N0} listings ({index.Count:N0} listed): index built in {build.Elapsed.TotalSeconds:F1} s; the index itself holds {memory / 1024.0 / 1024.0:F0} MB of managed memory (the listings' own objects not counted); process peak working set so far {peak / 1024.0 / 1024.0:F0} MB"));

    var text = new SearchQuery { Text = "despensa" };
    var filtered = new SearchQuery { Text = "comida 60629", Free = true, WalkIn = true };
    var box = new SearchQuery { Box = new NetTopologySuite.Geometries.Envelope(-87.75, -87.68, 41.83, 41.87), AllPages = true };
    Report("(a) text \"despensa\"", Time(() => index.Search(text).Total), Time(() => Naive.Text(listings, "despensa")));
    Report("(b) text + ZIP + 2 filters + counts", Time(() => index.Search(filtered).Total), Time(() => Naive.Filtered(listings, openNow)));
    Report("(c) map box (Little Village), every match", Time(() => index.Search(box).Total), Time(() => Naive.Box(listings, box.Box!)));
}

string Option(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

(double Median, double P99) Time(Func<int> query)
{
    // Warm up for a second (and at least five calls), so the JIT has compiled the query's code at its
    // final tier: tiering waits for 30 calls and then compiles in the background.
    var warmUp = Stopwatch.StartNew();
    for (var i = 0; i < 5 || warmUp.Elapsed < TimeSpan.FromSeconds(1); i++)
    {
        query();
    }

    var samples = new double[iterations];
    for (var i = 0; i < iterations; i++)
    {
        var start = Stopwatch.GetTimestamp();
        query();
        samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    Array.Sort(samples);
    return (samples[iterations / 2], samples[Math.Min(iterations - 1, (int)Math.Ceiling(iterations * 0.99) - 1)]);
}

static void Report(string name, (double Median, double P99) index, (double Median, double P99) naive) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {name,-38} index median {index.Median,8:F3} ms  p99 {index.P99,8:F3} ms | LINQ scan median {naive.Median,9:F3} ms  p99 {naive.P99,9:F3} ms | ratio {naive.Median / index.Median,6:F1}x"));

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>What a search would cost without an index: every listing, every time.</summary>
internal static class Naive
{
    private static readonly CompareInfo Compare = CultureInfo.InvariantCulture.CompareInfo;
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;

    public static int Text(List<IndexedListing> listings, string word) =>
        listings.Count(l => Compare.IndexOf(l.Service.Name, word, Loose) >= 0 || Compare.IndexOf(l.Service.Description ?? "", word, Loose) >= 0
            || l.Service.Categories.Any(c => c.Synonyms.Values.Any(s => s.Any(w => Compare.Compare(w, word, Loose) == 0))));

    public static int Filtered(List<IndexedListing> listings, OpenNow openNow)
    {
        var matches = listings
            .Where(l => l.Service.Categories.Any(c => c.Code == "food") || Compare.IndexOf(l.Service.Name, "comida", Loose) >= 0)
            .Where(l => l.Service.Cost == CostKind.Free && l.Service.Access == AccessMode.WalkIn)
            .Select(l => (Listing: l, Km: Km(41.7753, -87.7116, l.Location!.Latitude!.Value, l.Location.Longitude!.Value)))
            .Where(x => x.Km <= SearchQuery.DefaultRadiusKm)
            .Where(x => openNow.StateOf(new OpeningHours(x.Listing.Service.Schedules), x.Listing.Service.Status).HasHours)
            .OrderBy(x => x.Km)
            .ToList();
        var counts = matches.SelectMany(m => m.Listing.Service.Categories).GroupBy(c => c.Code).Count();
        return matches.Count + counts;
    }

    public static int Box(List<IndexedListing> listings, NetTopologySuite.Geometries.Envelope box) =>
        listings.Count(l => l.Location is { Latitude: { } lat, Longitude: { } lon } && box.Contains(lon, lat));

    private static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * 6371.0088 * Math.Asin(Math.Sqrt(a));
    }
}
