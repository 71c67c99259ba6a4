namespace AidDirectory.Web.Tests.Infrastructure;

internal static class TestEnvironment
{
    /// <summary>Under CI a test that cannot get its database or browser fails instead of skipping.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
