namespace AidDirectory.Web.Features.Search;

internal static partial class SearchLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Polish search words are matched as typed, without stemming: {Problem}. On Debian: apt-get install hunspell-pl")]
    public static partial void PolishDictionaryMissing(ILogger logger, string problem);
}
