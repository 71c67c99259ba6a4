namespace AidDirectory.Web.Features.Moderation;

/// <summary>Runs <see cref="StaleListings.SweepAsync"/> every hour (on the site's clock, so tests decide when).</summary>
public sealed partial class StaleListingSweep(IServiceScopeFactory scopes, TimeProvider time, ILogger<StaleListingSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var added = await scope.ServiceProvider.GetRequiredService<StaleListings>().SweepAsync(stoppingToken);
                if (added > 0)
                {
                    Queued(logger, added);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The database may be briefly away; the next hour tries again.
                Failed(logger, failure);
            }
        }
    }

    [LoggerMessage(3001, LogLevel.Information, "{Count} stale listings entered the moderation queue")]
    private static partial void Queued(ILogger logger, int count);

    [LoggerMessage(3002, LogLevel.Warning, "The stale-listing sweep failed; it runs again in an hour")]
    private static partial void Failed(ILogger logger, Exception failure);
}
