using AidDirectory.Cli;
using AidDirectory.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Same configuration as the web site: appsettings.json beside the program, then AIDDIRECTORY_-free
// standard environment variables (Database__Provider, ConnectionStrings__Directory).
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };

var configuration = new ConfigurationBuilder()
    .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
    .AddEnvironmentVariables()
    .Build();
var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(configuration)
    .AddLogging(l => l.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning))
    .AddDirectoryData()
    .AddDirectoryAccountStore()
    .BuildServiceProvider();

return args switch
{
    ["import", .. var rest] when rest.Length <= 1 => await ImportCommand.RunAsync(services, rest.FirstOrDefault(), cancellation.Token),
    ["migrate"] => await MigrateCommand.RunAsync(services, cancellation.Token),
    ["users", "create-admin", .. var rest] => await UsersCommand.CreateAdminAsync(services, rest, cancellation.Token),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: aiddirectory <command>
          import [folder]   import a data folder (default: the sample data shipped beside the program);
                            every row is checked first, and nothing is written if any row is bad
          migrate           bring the database to the current schema
          users create-admin <email> [--name "Full Name"] [--url https://site]
                            create an administrator and print a one-time setup link (no default
                            password exists; the link lets them choose one and turn on two-factor sign-in)
        The database comes from Database__Provider (Sqlite or Postgres) and ConnectionStrings__Directory.
        """);
    return 2;
}
