using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Moderation;

/// <summary>
/// Moderation's hourly chores, on the site's clock (so tests decide when): stale listings enter the queue
/// (<see cref="StaleListings.SweepAsync"/>), and residents' network tags, unused keys and spent form numbers
/// are forgotten on time even when nobody reports for weeks (<see cref="ReporterNetworks.ForgetAsync"/>).
/// Each chore fails alone: the database may be briefly away, and the next hour tries again.
/// </summary>
public sealed partial class HourlySweep(IServiceScopeFactory scopes, TimeProvider time, ILogger<HourlySweep> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunAsync("stale listings", async services =>
            {
                var added = await services.GetRequiredService<StaleListings>().SweepAsync(stoppingToken);
                if (added > 0)
                {
                    Queued(logger, added);
                }
            });
            await RunAsync("report network tags", services =>
                services.GetRequiredService<ReporterNetworks>().ForgetAsync(time.GetCurrentInstant(), stoppingToken));
        }

        async Task RunAsync(string chore, Func<IServiceProvider, Task> work)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                Failed(logger, chore, failure);
            }
        }
    }

    [LoggerMessage(3010, LogLevel.Information, "{Count} stale listings entered the moderation queue")]
    private static partial void Queued(ILogger logger, int count);

    [LoggerMessage(3011, LogLevel.Warning, "The hourly sweep of {Chore} failed; it runs again in an hour")]
    private static partial void Failed(ILogger logger, string chore, Exception failure);
}
