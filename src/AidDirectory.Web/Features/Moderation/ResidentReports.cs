using AidDirectory.Core;
using AidDirectory.Core.Audit;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Moderation;
using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Moderation;

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
            Title = $"{report.Reason}: {service.Name}".Clip(Submission.MaxTitle),
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
        // The report is saved first and on its own: whatever happens to the warning below, it is not lost.
        await db.SaveChangesAsync(cancellationToken);
        if (report.Reason == ReportReason.Closed)
        {
            await WarnIfClosedAsync(serviceId, now, cancellationToken);
        }

        return true;
    }

    // Several residents may send the deciding report at the same moment, or a moderator may be editing the
    // listing: the listing's version guards the warning, and a lost race is simply tried again.
    private async Task WarnIfClosedAsync(Guid serviceId, Instant now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            db.ChangeTracker.Clear();
            var service = await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
            if (service is null || service.ReportedClosedAt is not null || await ClosedReportsAsync(serviceId, now, cancellationToken) < options.Value.ClosedReportsToWarn)
            {
                return;
            }

            service.ReportedClosedAt = now;
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, Action = AuditActions.ServiceReportedClosed, SubjectKind = nameof(Service), SubjectId = serviceId.ToString(),
                After = "may be closed", Reason = $"{options.Value.ClosedReportsToWarn} residents' reports within {options.Value.ClosedReportsWindowDays} days",
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone changed the listing meanwhile: look again.
            }
        }
    }

    private Task<int> ClosedReportsAsync(Guid serviceId, Instant now, CancellationToken cancellationToken)
    {
        var since = now - Duration.FromDays(options.Value.ClosedReportsWindowDays);
        return db.Submissions.CountAsync(s => s.ServiceId == serviceId && s.Kind == SubmissionKind.ResidentReport
            && s.State == SubmissionState.Pending && s.ReportReason == ReportReason.Closed && s.SubmittedAt >= since, cancellationToken);
    }
}
