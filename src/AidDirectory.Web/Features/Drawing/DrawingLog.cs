namespace AidDirectory.Web.Features.Drawing;

internal static partial class DrawingLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "No font for {Scripts}: maps and flyers will draw those letters as empty boxes. On Debian: apt-get install fonts-noto-core fonts-wqy-microhei")]
    public static partial void FontsMissing(ILogger logger, string scripts);
}
