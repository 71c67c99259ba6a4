namespace AidDirectory.Web.Features.Accounts;

/// <summary>The two areas where people sign in. Everything else is a public page and carries no cookie.</summary>
internal static class StaffPaths
{
    public static readonly PathString Portal = new("/portal");
    public static readonly PathString Admin = new("/admin");

    public static bool Contains(PathString path) =>
        path.StartsWithSegments(Portal, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(Admin, StringComparison.OrdinalIgnoreCase);
}
