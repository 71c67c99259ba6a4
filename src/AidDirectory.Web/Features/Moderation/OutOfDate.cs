using AidDirectory.Core.Moderation;

namespace AidDirectory.Web.Features.Moderation;

/// <summary>What changed in a published listing since an editor read it: empty when it still reads the same.</summary>
public static class OutOfDate
{
    public static IReadOnlyList<FieldChange> Between(string? baseSnapshot, string currentSnapshot) =>
        baseSnapshot is null || string.Equals(baseSnapshot, currentSnapshot, StringComparison.Ordinal)
            ? []
            : ListingDiff.Between(Snapshots.Read<ServiceDraft>(baseSnapshot), Snapshots.Read<ServiceDraft>(currentSnapshot));

    /// <summary>Whether a base snapshot posted back by a form reads as a listing at all (the form is the user's to tamper with).</summary>
    public static bool IsReadable(string snapshot) => Snapshots.TryRead<ServiceDraft>(snapshot) is not null;
}
