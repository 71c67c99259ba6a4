using AidDirectory.Core.Audit;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Moderation;
using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Reports;

/// <summary>
/// Files a resident's report into the moderation queue. It keeps the reason, the resident's words and the
/// time, nothing else: no address, cookie, browser or account. Enough "closed" reports within the window
/// warn residents at once, until a moderator decides.
/// </summary>
public sealed class ResidentReports(DirectoryDbContext db, TimeProvider time, IOptions<ModerationOptions> options)
{
    /// <summary>Files the report; false when the listing does not exist.</summary>
    public async Task<bool> FileAsync(Guid serviceId, ResidentReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var service = await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null)
        {
            return false;
        }

        var now = time.GetCurrentInstant();
        var area = await db.ServiceAtLocations.Where(sal => sal.ServiceId == serviceId).OrderBy(sal => sal.Id)
            .Select(sal => sal.Location.CommunityAreaNumber).FirstOrDefaultAsync(cancellationToken);
        var submission = new Submission
        {
            Id = Guid.NewGuid(),
            Kind = SubmissionKind.ResidentReport,
            OrganizationId = service.OrganizationId,
            ServiceId = serviceId,
            Title = $"{report.Reason}: {service.Name}",
            Snapshot = Snapshots.Write(report),
            ReportReason = report.Reason,
            CommunityAreaNumber = area,
            SubmittedAt = now,
            UpdatedAt = now,
        };
        db.Submissions.Add(submission);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, Action = AuditActions.SubmissionCreated, SubjectKind = nameof(Submission), SubjectId = submission.Id.ToString(),
            Reason = $"{SubmissionKind.ResidentReport}: {report.Reason}",
        });
        if (report.Reason == ReportReason.Closed && service.ReportedClosedAt is null && await ClosedReportsAsync(serviceId, now, cancellationToken) + 1 >= options.Value.ClosedReportsToWarn)
        {
            service.ReportedClosedAt = now;
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, Action = AuditActions.ServiceReportedClosed, SubjectKind = nameof(Service), SubjectId = serviceId.ToString(),
                After = "may be closed", Reason = $"{options.Value.ClosedReportsToWarn} residents' reports within {options.Value.ClosedReportsWindowDays} days",
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private Task<int> ClosedReportsAsync(Guid serviceId, Instant now, CancellationToken cancellationToken)
    {
        var since = now - Duration.FromDays(options.Value.ClosedReportsWindowDays);
        return db.Submissions.CountAsync(s => s.ServiceId == serviceId && s.Kind == SubmissionKind.ResidentReport
            && s.State == SubmissionState.Pending && s.ReportReason == ReportReason.Closed && s.SubmittedAt >= since, cancellationToken);
    }
}
