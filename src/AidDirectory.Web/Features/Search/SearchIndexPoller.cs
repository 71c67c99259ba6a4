using System.Data.Common;
using Microsoft.Extensions.Options;

namespace AidDirectory.Web.Features.Search;

/// <summary>
/// Keeps this process's index current: every few seconds it applies what any process published. When
/// the database cannot be reached it says so in the log and search goes on answering from the index.
/// </summary>
internal sealed partial class SearchIndexPoller(SearchIndexFeed feed, IOptions<SearchOptions> options, TimeProvider time, ILogger<SearchIndexPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var changed = await feed.CatchUpAsync(stoppingToken);
                if (changed > 0)
                {
                    CaughtUp(logger, changed);
                }
            }
            catch (DbException e)
            {
                DatabaseUnreachable(logger, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Whatever went wrong with one poll, the process goes on answering from the index it has.
                PollFailed(logger, e);
            }
        }
    }

    [LoggerMessage(3001, LogLevel.Information, "Search index: applied {Changed} changed listings")]
    private static partial void CaughtUp(ILogger logger, int changed);

    [LoggerMessage(3003, LogLevel.Error, "Search index: a poll failed; searches are answered from the index as it was")]
    private static partial void PollFailed(ILogger logger, Exception exception);

    [LoggerMessage(3002, LogLevel.Warning, "Search index: the database could not be reached ({Reason}); searches are answered from the index as it was")]
    private static partial void DatabaseUnreachable(ILogger logger, string reason);
}
