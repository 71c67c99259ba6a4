using AidDirectory.Core.Moderation;

namespace AidDirectory.Web.Features.Reports;

/// <summary>What the report form shows: for which listing, its token, and what the resident chose and wrote, with any problems.</summary>
public sealed record ReportFormView(Guid ServiceId, string Token, ReportReason? Reason = null, string? Details = null, IReadOnlyDictionary<string, string>? Problems = null)
{
    public string? Problem(string field) => Problems?.GetValueOrDefault(field);
}
