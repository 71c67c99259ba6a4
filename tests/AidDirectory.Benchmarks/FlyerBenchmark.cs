extern alias web;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;
using web::AidDirectory.Web.Features.Printing;

namespace AidDirectory.Benchmarks;

/// <summary>
/// Flyers under load, over HTTP against the real site (SQLite, Chicago sample data) in this process:
/// (1) each language's Avondale food flyer, its size and its time drawn (the cache emptied first) and served
/// again (from the cache, when there is one); (2) the search API's requests per second from four clients,
/// alone and then beside eight clients that keep asking for flyers no one asked for before (every one drawn).
/// dotnet run -c Release --project tests/AidDirectory.Benchmarks -- --flyers [--iterations 7] [--seconds 5]
/// </summary>
internal static class FlyerBenchmark
{
    private const int SearchClients = 4;
    private const int FlyerClients = 8;
    private const string SearchUrl = "/api/v1/services?q=food";

    public static async Task RunAsync(int iterations, double seconds)
    {
        await using var site = new BenchmarkSite();
        using var client = site.CreateClient();
        var flyers = site.Services.GetRequiredService<Flyers>();
        // Absent before the flyers were cached (issue 13, finding 7); then "cold" is the same as "served".
        var cache = site.Services.GetService<IOutputCacheStore>();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\nFlyers: {Environment.ProcessorCount} cores, {iterations} iterations per language, output cache {(cache is null ? "absent" : "present")}"));

        foreach (var language in Flyers.Languages)
        {
            var url = $"/flyers/{language}/avondale/food.pdf";
            var size = (await GetAsync(client, url)).Length;
            var cold = new double[iterations];
            var served = new double[iterations];
            for (var i = 0; i < iterations; i++)
            {
                if (cache is not null)
                {
                    await cache.EvictByTagAsync(FlyerApi.CacheTag, CancellationToken.None);
                }

                cold[i] = await TimeAsync(client, url);
                served[i] = await TimeAsync(client, url);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {language}: {size,10:N0} bytes | drawn median {Median(cold),8:F1} ms | asked again median {Median(served),8:F1} ms | ratio {Median(cold) / Median(served),7:F1}x"));
        }

        // Flyers no one asked for yet: every area (by its slug) in every language, so each request is drawn.
        var unasked = flyers.Areas.Select(a => a.Key).SelectMany(area => Flyers.Languages.Select(language => $"/flyers/{language}/{area}/food.pdf")).ToArray();
        await CountAsync(client, SearchUrl, SearchClients, TimeSpan.FromSeconds(1), null); // warm-up
        var alone = await CountAsync(client, SearchUrl, SearchClients, TimeSpan.FromSeconds(seconds), null);
        var load = new FlyerLoad(unasked);
        var beside = await CountAsync(client, SearchUrl, SearchClients, TimeSpan.FromSeconds(seconds), load);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  search API, {SearchClients} clients, alone: {alone,8:F0} requests/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  search API, {SearchClients} clients, beside {FlyerClients} flyer clients: {beside,8:F0} requests/s (ratio to alone {beside / alone:F2}); flyers drawn {load.Drawn / seconds:F1}/s, refused (503) {load.Refused / seconds:F1}/s, median flyer {load.Median():F0} ms"));
    }

    private static async Task<byte[]> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<double> TimeAsync(HttpClient client, string url)
    {
        var start = Stopwatch.GetTimestamp();
        await GetAsync(client, url);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>Search requests per second from <paramref name="clients"/> loops, with the flyer loops running beside them when given.</summary>
    private static async Task<double> CountAsync(HttpClient client, string url, int clients, TimeSpan duration, FlyerLoad? flyers)
    {
        using var stop = new CancellationTokenSource();
        var background = flyers is null ? [] : Enumerable.Range(0, FlyerClients).Select(_ => flyers.RunAsync(client, stop.Token)).ToArray();
        if (flyers is not null)
        {
            // Let every flyer client have its first request in flight before counting.
            await Task.Delay(200);
        }

        var count = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                Interlocked.Increment(ref count);
            }
        }));
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(background);
        return count / elapsed;
    }

    private static double Median(double[] samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    /// <summary>Clients that each ask for the next flyer in the list as soon as the last one came back.</summary>
    private sealed class FlyerLoad(string[] urls)
    {
        private readonly List<double> _times = [];
        private int _next = -1;
        private int _drawn;
        private int _refused;

        public int Drawn => _drawn;

        public int Refused => _refused;

        public double Median()
        {
            lock (_times)
            {
                return _times.Count == 0 ? double.NaN : FlyerBenchmark.Median([.. _times]);
            }
        }

        public async Task RunAsync(HttpClient client, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                var url = urls[Interlocked.Increment(ref _next) % urls.Length];
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative), CancellationToken.None);
                await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref _refused);
                    // A well-behaved client waits before it asks again (the 503 says how long; a benchmark can't wait that long).
                    await Task.Delay(100, CancellationToken.None);
                    continue;
                }

                response.EnsureSuccessStatusCode();
                Interlocked.Increment(ref _drawn);
                lock (_times)
                {
                    _times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        }
    }
}
