namespace AidDirectory.Core.Locations;

public enum LocationVisibility
{
    /// <summary>Street address and point shown.</summary>
    Exact,
    /// <summary>Only the neighbourhood and a point snapped to a grid of about 500 m.</summary>
    Approximate,
    /// <summary>Nothing: residents are asked to call for the address.</summary>
    Hidden,
}
