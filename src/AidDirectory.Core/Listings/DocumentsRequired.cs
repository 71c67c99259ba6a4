namespace AidDirectory.Core.Listings;

/// <summary>What a resident must bring. Null on a service means the source did not say.</summary>
public enum DocumentsRequired
{
    None,
    NoPhotoId,
    NoSsn,
    Other,
}
