namespace AidDirectory.Web.Features.Accounts;

/// <summary>A code as people type it from their app ("123 456", "123-456") reduced to its digits and letters.</summary>
internal static class AuthenticatorCode
{
    public static string Normalize(string typed) =>
        typed.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();
}
