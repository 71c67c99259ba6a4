namespace AidDirectory.Web.Features.Moderation;

/// <summary>What became of a resident's report.</summary>
public enum ReportFiling
{
    Filed,
    NoSuchListing,
    /// <summary>The same form already filed a report; nothing was written.</summary>
    AlreadySent,
}
