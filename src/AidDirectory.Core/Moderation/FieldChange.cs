namespace AidDirectory.Core.Moderation;

/// <summary>One line of a diff: a field (or a weekday, a phone, a place) and what it reads before and after. Null: absent.</summary>
public sealed record FieldChange(string Field, string? Before, string? After)
{
    /// <summary>"Saturday: 9:00–12:00 → closed".</summary>
    public string Line => $"{Field}: {Before ?? "(none)"} → {After ?? "(none)"}";
}
