extern alias web;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using AidDirectory.Core.Moderation;
using AidDirectory.Data;
using AidDirectory.Data.Accounts;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Extensions;
using OtpNet;

namespace AidDirectory.Benchmarks;

/// <summary>
/// The moderation queue's response time over HTTP with many pending items: the real site (SQLite, sample
/// data) in this process, a moderator signed in with password and authenticator code, then the queue's
/// first page, a filtered page, a deep page and one item's review page, each timed end to end.
/// dotnet run -c Release --project tests/AidDirectory.Benchmarks -- --queue 10000 [--iterations 50]
/// </summary>
internal static class QueueBenchmark
{
    private const string Password = "queue timing pass phrase";

    public static async Task RunAsync(int pending, int iterations)
    {
        await using var site = new BenchmarkSite();
        var cookies = new CookieContainer();
        using var client = site.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        var seed = Stopwatch.StartNew();
        var first = await SeedAsync(site.Services, pending);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\nModeration queue: {pending:N0} pending submissions written in {seed.Elapsed.TotalSeconds:F1} s (SQLite)"));
        await SignInAsync(client, site.Services);

        Report("queue, first page (50 oldest)", await TimeAsync(client, "/admin", iterations));
        Report("queue, one kind (NewService)", await TimeAsync(client, "/admin?kind=NewService", iterations));
        Report("queue, one neighbourhood (Avondale)", await TimeAsync(client, "/admin?area=21", iterations));
        Report($"queue, page {pending / 100} (deep)", await TimeAsync(client, $"/admin?page={pending / 100}", iterations));
        Report("one item's review page (diff)", await TimeAsync(client, $"/admin/submissions/{first}", iterations));
    }

    private static async Task<Guid> SeedAsync(IServiceProvider services, int pending)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var start = SystemClockNow() - Duration.FromDays(30);
        var kinds = new[] { SubmissionKind.NewService, SubmissionKind.ServiceEdit, SubmissionKind.NewOrganization, SubmissionKind.JoinOrganization };
        var draft = Snapshots.Write(new ServiceDraft
        {
            Name = "Synthetic pantry",
            Description = "Groceries every Saturday; no ID needed.",
            Categories = ["food"],
            Languages = ["es", "pl"],
            Phones = [new PhoneDraft("+13125550100", null, null)],
            Hours = [new HoursDraft(Core.Schedules.ScheduleKind.Weekly, IsoDayOfWeek.Saturday, new LocalTime(9, 0), new LocalTime(12, 0))],
            Places = [new PlaceDraft { Address1 = "3500 W Diversey Ave", City = "Chicago", PostalCode = "60647", Latitude = 41.93, Longitude = -87.71 }],
        });
        var organization = Snapshots.Write(new OrganizationDraft("Synthetic mutual aid", null, null, null));
        Guid? first = null;
        for (var batch = 0; batch < pending; batch += 1000)
        {
            for (var i = batch; i < Math.Min(pending, batch + 1000); i++)
            {
                var kind = kinds[i % kinds.Length];
                var id = Guid.NewGuid();
                first ??= kind == SubmissionKind.NewService ? id : null;
                db.Submissions.Add(new Submission
                {
                    Id = id, Kind = kind, OrganizationId = Guid.NewGuid(), ServiceId = kind is SubmissionKind.NewService ? Guid.NewGuid() : null,
                    Title = $"Synthetic {kind} {i}", Snapshot = kind is SubmissionKind.NewService ? draft : organization,
                    CommunityAreaNumber = 1 + (i % 77), SubmittedAt = start + Duration.FromSeconds(i), UpdatedAt = start + Duration.FromSeconds(i),
                });
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        return first!.Value;
    }

    private static async Task SignInAsync(HttpClient client, IServiceProvider services)
    {
        string token;
        await using (var scope = services.CreateAsyncScope())
        {
            var s = scope.ServiceProvider;
            (_, token) = await SetupLinks.CreateAdministratorAsync(s.GetRequiredService<UserManager<DirectoryUser>>(), s.GetRequiredService<RoleManager<IdentityRole<Guid>>>(),
                s.GetRequiredService<DirectoryDbContext>(), "bench@example.org", "Bench", SystemClockNow());
        }

        await PostFormAsync(client, $"/portal/account/setup?token={token}", new() { ["Password"] = Password, ["ConfirmPassword"] = Password });
        var enrol = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/portal/account/two-factor"));
        var key = enrol.QuerySelector("code[data-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await PostFormAsync(client, "/portal/account/two-factor", new() { ["Code"] = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(TimeProvider.System.GetUtcNow().UtcDateTime) });
        var queue = await client.GetAsync("/admin");
        if (queue.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The benchmark's moderator could not open the queue: {(int)queue.StatusCode}");
        }
    }

    private static async Task PostFormAsync(HttpClient client, string url, Dictionary<string, string> values)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(url));
        var form = page.QuerySelector("main form[method=post]") as IHtmlFormElement ?? throw new InvalidOperationException($"No form on {url}");
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden").ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        using var content = new FormUrlEncodedContent(fields);
        var response = await client.PostAsync(url, content);
        if ((int)response.StatusCode >= 400)
        {
            throw new InvalidOperationException($"POST {url} answered {(int)response.StatusCode}");
        }
    }

    private static async Task<(double Median, double P99, long Bytes)> TimeAsync(HttpClient client, string url, int iterations)
    {
        for (var i = 0; i < 5; i++)
        {
            await client.GetStringAsync(url);
        }

        var samples = new double[iterations];
        long bytes = 0;
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsByteArrayAsync();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
            }

            bytes = body.Length;
        }

        Array.Sort(samples);
        return (samples[iterations / 2], samples[Math.Min(iterations - 1, (int)Math.Ceiling(iterations * 0.99) - 1)], bytes);
    }

    private static void Report(string name, (double Median, double P99, long Bytes) t) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-38} median {t.Median,8:F2} ms  p99 {t.P99,8:F2} ms  ({t.Bytes / 1024.0:F1} KB)"));

    private static Instant SystemClockNow() => TimeProvider.System.GetCurrentInstant();
}
