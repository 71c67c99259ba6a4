namespace AidDirectory.Web.Features.Accounts;

internal static partial class AccountsLog
{
    [LoggerMessage(2001, LogLevel.Warning, "No administrator exists yet. Create the first one (it prints a one-time setup link): {Database}dotnet run --project src/AidDirectory.Cli -- users create-admin you@example.org")]
    public static partial void NoAdministrator(ILogger logger, string database);
}
