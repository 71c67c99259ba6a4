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
/// Files a resident's report into the moderation queue. It keeps the reason, the resident's words, the time
/// and, while the report can count toward a warning, a short tag of their network that thousands of networks
/// share (<see cref="ReporterNetworks"/>); no address, cookie, browser or account. "Closed" reports from
/// enough networks, spread over enough hours (<see cref="ClosedReportWarning"/>), warn residents at once,
/// until a moderator decides. A report sent over a limit reaches moderators marked as such, joins the
/// listing's pending over-limit item for the same reason when there is one, and never counts.
/// </summary>
public sealed class ResidentReports(DirectoryDbContext db, ReporterNetworks networks, TimeProvider time, IOptions<ModerationOptions> options)
{
    public async Task<ReportFiling> FileAsync(Guid serviceId, ResidentReport report, ReportSender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(sender);
        var service = await db.Services.AsNoTracking().Where(s => s.Id == serviceId)
            .Select(s => new { s.Name, s.OrganizationId }).FirstOrDefaultAsync(cancellationToken);
        if (service is null)
        {
            return ReportFiling.NoSuchListing;
        }

        var now = time.GetCurrentInstant();
        if (!await SpendAsync(sender.FormNonce, now, cancellationToken))
        {
            return ReportFiling.AlreadySent;
        }

        if (sender.OverLimit && await JoinAsync(serviceId, report.Reason, now, cancellationToken))
        {
            return ReportFiling.Filed;
        }

        var (keyDay, tag) = sender.OverLimit ? ((int?)null, (int?)null) : await networks.TagAsync(sender.Network, now, cancellationToken);
        var area = await db.ServiceAtLocations.Where(sal => sal.ServiceId == serviceId).OrderBy(sal => sal.Id)
            .Select(sal => sal.Location.CommunityAreaNumber).FirstOrDefaultAsync(cancellationToken);
        var submission = new Submission
        {
            Id = Guid.NewGuid(),
            Kind = SubmissionKind.ResidentReport,
            OrganizationId = service.OrganizationId,
            ServiceId = serviceId,
            Title = $"{report.Reason}{(sender.OverLimit ? " (over the hourly limit)" : "")}: {service.Name}".Clip(Submission.MaxTitle),
            Snapshot = Snapshots.Write(report),
            ReportReason = report.Reason,
            CommunityAreaNumber = area,
            OverLimit = sender.OverLimit,
            ReporterKeyDay = keyDay,
            ReporterTag = tag,
            SubmittedAt = now,
            UpdatedAt = now,
        };
        db.Submissions.Add(submission);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, Action = AuditActions.SubmissionCreated, SubjectKind = nameof(Submission), SubjectId = submission.Id.ToString(),
            Reason = $"{SubmissionKind.ResidentReport}: {report.Reason}{(sender.OverLimit ? " (over the hourly limit)" : "")}",
        });
        // The report is saved first and on its own: whatever happens to the warning below, it is not lost.
        await db.SaveChangesAsync(cancellationToken);
        if (report.Reason == ReportReason.Closed && !sender.OverLimit)
        {
            await WarnIfClosedAsync(serviceId, now, cancellationToken);
        }

        return ReportFiling.Filed;
    }

    // The form's number goes in first, under its primary key: of two posts of one form, in this process or
    // another, exactly one files a report.
    private async Task<bool> SpendAsync(Guid nonce, Instant now, CancellationToken cancellationToken)
    {
        if (await db.SpentReportTokens.AnyAsync(t => t.Nonce == nonce, cancellationToken))
        {
            return false;
        }

        db.SpentReportTokens.Add(new SpentReportToken { Nonce = nonce, SpentAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.SpentReportTokens.AnyAsync(t => t.Nonce == nonce, cancellationToken))
            {
                throw;
            }

            return false;
        }
    }

    // A flood must not bury the queue: over the limit, a report adds one to the listing's pending over-limit
    // item for the same reason (its words are not kept) instead of becoming an item of its own.
    private async Task<bool> JoinAsync(Guid serviceId, ReportReason reason, Instant now, CancellationToken cancellationToken)
    {
        var item = await db.Submissions.Where(s => s.ServiceId == serviceId && s.Kind == SubmissionKind.ResidentReport && s.State == SubmissionState.Pending
                && s.OverLimit && s.ReportReason == reason)
            .OrderBy(s => s.SubmittedAt).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
        return item is { } id && await db.Submissions.Where(s => s.Id == id && s.State == SubmissionState.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.JoinedReports, s => s.JoinedReports + 1).SetProperty(s => s.UpdatedAt, now), cancellationToken) == 1;
    }

    // Several residents may send the deciding report at the same moment, or a moderator may be editing the
    // listing: the listing's version guards the warning, and a lost race is simply tried again.
    private async Task WarnIfClosedAsync(Guid serviceId, Instant now, CancellationToken cancellationToken)
    {
        var o = options.Value;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            db.ChangeTracker.Clear();
            var service = await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
            if (service is null || service.ReportedClosedAt is not null
                || !ClosedReportWarning.IsDue(await CountedAsync(serviceId, now, cancellationToken), o.ClosedReportsToWarn, Duration.FromHours(o.ClosedReportsSpreadHours)))
            {
                return;
            }

            service.ReportedClosedAt = now;
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, Action = AuditActions.ServiceReportedClosed, SubjectKind = nameof(Service), SubjectId = serviceId.ToString(),
                After = "may be closed",
                Reason = $"residents' reports from {o.ClosedReportsToWarn} or more networks, at least {o.ClosedReportsSpreadHours} h apart, within {o.ClosedReportsWindowDays} days",
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

    private async Task<List<ClosedReportWarning.ClosedReport>> CountedAsync(Guid serviceId, Instant now, CancellationToken cancellationToken)
    {
        var since = now - Duration.FromDays(options.Value.ClosedReportsWindowDays);
        var rows = await db.Submissions.AsNoTracking()
            .Where(s => s.ServiceId == serviceId && s.Kind == SubmissionKind.ResidentReport && s.State == SubmissionState.Pending
                && s.ReportReason == ReportReason.Closed && s.SubmittedAt >= since && !s.OverLimit && s.ReporterTag != null && s.ReporterKeyDay != null)
            .Select(s => new { s.ReporterKeyDay, s.ReporterTag, s.SubmittedAt }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ClosedReportWarning.ClosedReport(r.ReporterKeyDay!.Value, r.ReporterTag!.Value, r.SubmittedAt))];
    }
}
