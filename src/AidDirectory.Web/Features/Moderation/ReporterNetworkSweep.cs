using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Moderation;

/// <summary>
/// Runs <see cref="ReporterNetworks.ForgetAsync"/> every hour (on the site's clock), so network tags and keys
/// go on time even when no resident files a report for weeks.
/// </summary>
public sealed partial class ReporterNetworkSweep(IServiceScopeFactory scopes, TimeProvider time, ILogger<ReporterNetworkSweep> logger) : BackgroundService
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
                await scope.ServiceProvider.GetRequiredService<ReporterNetworks>().ForgetAsync(time.GetCurrentInstant(), stoppingToken);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The database may be briefly away; the next hour tries again.
                Failed(logger, failure);
            }
        }
    }

    [LoggerMessage(3011, LogLevel.Warning, "Forgetting expired report network tags and keys failed; it runs again in an hour")]
    private static partial void Failed(ILogger logger, Exception failure);
}
