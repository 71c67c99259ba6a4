namespace AidDirectory.Core.Moderation;

/// <summary>A resident's report as stored in its submission: the reason and their words, nothing about them.</summary>
public sealed record ResidentReport(ReportReason Reason, string? Text)
{
    public const int MaxText = 500;
}
