namespace AidDirectory.Core.Listings;

/// <summary>
/// Who gives legal advice. Only an attorney or a DOJ-accredited representative of a recognized
/// organization may; a notario may not, and residents are warned so on every legal listing.
/// </summary>
public enum LegalProvider
{
    Attorney,
    AccreditedRepresentative,
}
