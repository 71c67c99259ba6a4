namespace AidDirectory.Core.Listings;

/// <summary>HSDS service.status, narrowed to what residents need to know.</summary>
public enum ServiceStatus
{
    Active,
    TemporarilyClosed,
    Closed,
}
