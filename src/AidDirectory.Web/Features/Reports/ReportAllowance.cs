namespace AidDirectory.Web.Features.Reports;

/// <summary>What the limits allow a report that is about to be filed.</summary>
public enum ReportAllowance
{
    /// <summary>Within every limit: it may count toward a warning.</summary>
    Counted,
    /// <summary>Over its network's or its listing's hourly limit: it reaches moderators, marked, and never counts.</summary>
    OverLimit,
    /// <summary>Over its network's ceiling: refused with 429, nothing kept.</summary>
    Refused,
}
