namespace AidDirectory.Core.Moderation;

/// <summary>One line of a diff: a field (or a weekday, a phone, a place) and what it reads before and after. Null: absent.</summary>
public sealed record FieldChange(string Field, string? Before, string? After);
