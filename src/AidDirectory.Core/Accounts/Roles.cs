namespace AidDirectory.Core.Accounts;

/// <summary>The roles of signed-in people. Residents have none and never sign in.</summary>
public static class Roles
{
    public const string OrganizationEditor = nameof(OrganizationEditor);
    public const string Moderator = nameof(Moderator);
    public const string Administrator = nameof(Administrator);

    public static IReadOnlyList<string> All { get; } = [OrganizationEditor, Moderator, Administrator];
}
