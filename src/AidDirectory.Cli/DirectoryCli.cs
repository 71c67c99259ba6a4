using System.CommandLine;
using System.CommandLine.Invocation;
using AidDirectory.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AidDirectory.Cli;

/// <summary>
/// <c>aiddirectory</c>: the commands, how a wrong command line ends, and the services a command runs with.
/// System.CommandLine cancels the token it gives each command on Ctrl+C or SIGTERM.
/// </summary>
internal static class DirectoryCli
{
    /// <summary>What scripts have always seen for a command line that does not parse; 1 is left to a command that ran and failed.</summary>
    public const int WrongUsage = 2;

    public static RootCommand Create() => new(
        "AidDirectory from the command line. The database comes from Database__Provider (Sqlite or Postgres) and ConnectionStrings__Directory.")
    {
        ImportCommand.Create(),
        MigrateCommand.Create(),
        UsersCommand.Create(),
    };

    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration configuration, CancellationToken cancellationToken)
    {
        var parsed = Create().Parse(args);
        var exitCode = await parsed.InvokeAsync(configuration, cancellationToken);
        // System.CommandLine ends a parse error with 1, which our commands use for "ran and failed".
        return parsed.Action is ParseErrorAction ? WrongUsage : exitCode;
    }

    /// <summary>
    /// Built inside each command, never before parsing, so <c>--help</c> and a mistyped command line need no database.
    /// Same configuration as the web site: appsettings.json beside the program, then the standard environment
    /// variables (Database__Provider, ConnectionStrings__Directory).
    /// </summary>
    public static ServiceProvider BuildServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
            .AddDirectoryData()
            .AddDirectoryAccountStore()
            .BuildServiceProvider();
    }

    /// <summary>
    /// An unknown option in front of a positional argument (<c>create-admin --bogus x@y.org</c>) is parsed as that
    /// argument's value; report it as the unknown option it is.
    /// </summary>
    public static void RejectOptionsAsValue(Argument<string> argument, string knownOptions) =>
        argument.Validators.Add(result =>
        {
            if (result.Tokens is [{ Value: var value }] && value.StartsWith('-'))
            {
                result.AddError($"Unknown option {value}: {knownOptions}.");
            }
        });
}
