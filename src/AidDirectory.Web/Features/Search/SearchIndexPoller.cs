using System.Data.Common;
using Microsoft.Extensions.Options;

namespace AidDirectory.Web.Features.Search;

/// <summary>
/// Keeps this process's index current: every few seconds it applies what any process published. When
/// the database cannot be reached it says so in the log and search goes on answering from the index.
/// </summary>
public sealed partial class SearchIndexPoller(SearchIndexFeed feed, IOptions<SearchOptions> options, TimeProvider time, ILogger<SearchIndexPoller> logger) : BackgroundService
{
    // Made with the service, not in ExecuteAsync: since .NET 10 that runs on the thread pool after start-up,
    // so a timer made there could miss a clock that moved in between (the tests' fake clock, say).
    private readonly PeriodicTimer _timer = new(TimeSpan.FromSeconds(options.Value.PollSeconds), time);

    // Whoever waits for the next poll holds this; each poll takes it when it starts and completes it when it ends.
    private TaskCompletionSource _nextPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a poll that starts after this call has finished, whether it applied anything or failed.</summary>
    public Task NextPollAsync(CancellationToken cancellationToken) => Volatile.Read(ref _nextPoll).Task.WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _timer.WaitForNextTickAsync(stoppingToken))
        {
            var finished = Interlocked.Exchange(ref _nextPoll, new(TaskCreationOptions.RunContinuationsAsynchronously));
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
            finally
            {
                finished.SetResult();
            }
        }
    }

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }

    [LoggerMessage(3001, LogLevel.Information, "Search index: applied {Changed} changed listings")]
    private static partial void CaughtUp(ILogger logger, int changed);

    [LoggerMessage(3003, LogLevel.Error, "Search index: a poll failed; searches are answered from the index as it was")]
    private static partial void PollFailed(ILogger logger, Exception exception);

    [LoggerMessage(3002, LogLevel.Warning, "Search index: the database could not be reached ({Reason}); searches are answered from the index as it was")]
    private static partial void DatabaseUnreachable(ILogger logger, string reason);
}
