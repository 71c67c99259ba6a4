namespace AidDirectory.Core.Moderation;

/// <summary>What a resident can say is wrong with a listing.</summary>
public enum ReportReason
{
    Closed,
    WrongHours,
    WrongAddress,
    WrongPhone,
    Unsafe,
    Other,
}
