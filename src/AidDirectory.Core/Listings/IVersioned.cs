namespace AidDirectory.Core.Listings;

/// <summary>
/// A row guarded by optimistic concurrency: the publish step that runs on every save raises
/// <see cref="Version"/> on every update and checks the original value in the UPDATE, so a write based on an
/// older read changes nothing. Only that step sets it; a form's posted version is checked by naming it
/// (<c>db.ExpectVersion(entity, seenVersion)</c>), never by assigning it.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}
