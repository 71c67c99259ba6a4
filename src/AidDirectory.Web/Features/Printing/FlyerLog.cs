namespace AidDirectory.Web.Features.Printing;

// Counts and durations only: which neighbourhood a resident printed for is theirs (house style §9).
internal static partial class FlyerLog
{
    [LoggerMessage(5001, LogLevel.Information, "Flyer drawn: {Bytes} bytes in {ElapsedMs} ms")]
    public static partial void Drawn(ILogger logger, int bytes, double elapsedMs);

    [LoggerMessage(5002, LogLevel.Warning, "Flyer refused: {Queued} requests already wait for a drawing slot")]
    public static partial void Refused(ILogger logger, long queued);
}
