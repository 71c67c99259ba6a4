using System.Diagnostics;

namespace AidDirectory.Web.Tests.Infrastructure;

internal static class TestEnvironment
{
    /// <summary>Under CI a test that cannot get its database or browser fails instead of skipping.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Skips (or under CI fails) when a program from Debian that a test reads its output with is missing:
    /// <c>pdftotext</c>/<c>pdftoppm</c>/<c>pdfinfo</c> (poppler-utils) and <c>zbarimg</c> (zbar-tools), installed by test.sh.
    /// </summary>
    public static void Require(string program, string package)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, program)));
        var reason = $"{program} is not installed (Debian package {package}; ./test.sh installs it)";
        if (!found && IsCi)
        {
            Assert.Fail(reason);
        }

        Assert.SkipWhen(!found, reason);
    }

    /// <summary>Runs a program and returns what it printed; a non-zero exit fails the test with its error output.</summary>
    public static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
        return await output;
    }
}
