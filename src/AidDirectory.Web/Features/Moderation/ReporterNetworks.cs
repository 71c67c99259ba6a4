using System.Security.Cryptography;
using AidDirectory.Core.Moderation;
using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace AidDirectory.Web.Features.Moderation;

/// <summary>
/// Tells residents' networks apart without keeping them: a report that counts toward "may be closed" carries
/// its network prefix's HMAC under the period's key (<see cref="ReportKey"/>, in the database so every web
/// process agrees), cut to <see cref="TagBits"/> bits, so each tag stands for thousands of networks. Tags
/// are wiped when their report leaves the window or is decided, and a key is deleted when no tag made with
/// it is left. README "Privacy, as built" says what someone holding the database and a key could learn.
/// </summary>
public sealed class ReporterNetworks(DirectoryDbContext db, IOptions<ModerationOptions> options)
{
    /// <summary>4,096 tags: every IPv4 tag is shared by about 4,096 /24s (2^24 / 2^12).</summary>
    public const int TagBits = 12;

    public async Task<(int KeyDay, int Tag)> TagAsync(byte[] network, Instant now, CancellationToken cancellationToken)
    {
        var day = PeriodStart(now);
        var secret = await SecretAsync(day, cancellationToken) ?? await CreateAsync(day, cancellationToken);
        var hash = HMACSHA256.HashData(secret, network);
        return (day, ((hash[0] << 8) | hash[1]) >> (16 - TagBits));
    }

    /// <summary>
    /// Wipes the tags of reports that left the window or were decided, deletes keys no tag uses and the
    /// numbers of forms that have expired. Runs every hour (<see cref="HourlySweep"/>), off the report's path: a tag outlives its window by an hour at most.
    /// </summary>
    public async Task ForgetAsync(Instant now, CancellationToken cancellationToken)
    {
        await db.SpentReportTokens.Where(t => t.SpentAt < now - SpentReportToken.Kept).ExecuteDeleteAsync(cancellationToken);
        var since = now - Duration.FromDays(options.Value.ClosedReportsWindowDays);
        await db.Submissions.Where(s => s.ReporterTag != null && (s.SubmittedAt < since || s.State != SubmissionState.Pending))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ReporterTag, (int?)null).SetProperty(s => s.ReporterKeyDay, (int?)null), cancellationToken);
        var current = PeriodStart(now);
        await db.ReportKeys.Where(k => k.StartDay != current && !db.Submissions.Any(s => s.ReporterKeyDay == k.StartDay))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private int PeriodStart(Instant now)
    {
        var days = (int)(now.ToUnixTimeTicks() / NodaConstants.TicksPerDay);
        return days - (days % options.Value.ClosedReportsWindowDays);
    }

    private Task<byte[]?> SecretAsync(int day, CancellationToken cancellationToken) =>
        db.ReportKeys.AsNoTracking().Where(k => k.StartDay == day).Select(k => k.Secret).FirstOrDefaultAsync(cancellationToken);

    private async Task<byte[]> CreateAsync(int day, CancellationToken cancellationToken)
    {
        var key = new ReportKey { StartDay = day, Secret = RandomNumberGenerator.GetBytes(ReportKey.SecretLength) };
        db.ReportKeys.Add(key);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return key.Secret;
        }
        catch (DbUpdateException)
        {
            // Another web process made this period's key at the same moment: use theirs.
            db.ChangeTracker.Clear();
            if (await SecretAsync(day, cancellationToken) is not { } theirs)
            {
                throw;
            }

            return theirs;
        }
    }
}
