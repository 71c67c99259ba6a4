using Microsoft.Extensions.Logging;

namespace AidDirectory.Data;

internal static partial class DatabaseLog
{
    [LoggerMessage(2001, LogLevel.Information, "First run: imported {Listings} sample listings from {Folder}")]
    public static partial void Seeded(ILogger logger, int listings, string folder);

    [LoggerMessage(2002, LogLevel.Information, "First run: another process imported the sample data first")]
    public static partial void SeededElsewhere(ILogger logger);
}
