using System.CommandLine;

namespace AidDirectory.Cli.Tests;

/// <summary>The command line as a user meets it: help, wrong commands and exit codes. No database is touched.</summary>
public sealed class DirectoryCliTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        // No Ctrl+C handling inside the test host.
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        var exitCode = await DirectoryCli.InvokeAsync(args, configuration, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("", "The database comes from Database__Provider (Sqlite or Postgres) and ConnectionStrings__Directory.")]
    [InlineData("import", "Import a data folder (default: the sample data shipped beside the program); every row is checked first")]
    [InlineData("migrate", "Bring the database to the current schema.")]
    [InlineData("users", "Staff accounts.")]
    [InlineData("users create-admin", "Create an administrator and print a one-time setup link")]
    public async Task Help_on_every_command_exits_0_and_describes_the_command(string command, string description)
    {
        var (exitCode, output, error) = await RunAsync([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(0, exitCode);
        Assert.Contains(description, output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Create_admin_help_names_its_argument_and_options()
    {
        var (_, output, _) = await RunAsync("users", "create-admin", "--help");

        Assert.Contains("<email>", output, StringComparison.Ordinal);
        Assert.Contains("--name <Full Name>", output, StringComparison.Ordinal);
        Assert.Contains("--url <https://site>", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("users", "create-admin", "--bogus", "x@y.org")]
    [InlineData("users", "create-admin", "x@y.org", "--bogus")]
    public async Task An_unknown_option_is_a_usage_error_that_names_it(params string[] args)
    {
        var (exitCode, _, error) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Contains("--bogus", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error_that_names_it()
    {
        var (exitCode, _, error) = await RunAsync("bogus");

        Assert.Equal(2, exitCode);
        Assert.Contains("'bogus'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_command_is_a_usage_error()
    {
        var (exitCode, _, error) = await RunAsync();

        Assert.Equal(2, exitCode);
        Assert.Contains("Required command was not provided.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"nobody\" is not an email address.", "users", "create-admin", "nobody")]
    [InlineData("--url must be the site's address, like https://directory.example.org (got ftp://example.org).", "users", "create-admin", "x@y.org", "--url", "ftp://example.org")]
    [InlineData("Unknown option --bogus", "import", "--bogus")]
    [InlineData("'b'", "import", "a", "b")]
    public async Task A_wrong_argument_is_a_usage_error_that_says_what_is_wrong(string message, params string[] args)
    {
        var (exitCode, _, error) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
