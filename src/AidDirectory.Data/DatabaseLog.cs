using Microsoft.Extensions.Logging;

namespace AidDirectory.Data;

internal static partial class DatabaseLog
{
    [LoggerMessage(2001, LogLevel.Information, "First run: imported {Listings} sample listings from {Folder}")]
    public static partial void Seeded(ILogger logger, int listings, string folder);
}
