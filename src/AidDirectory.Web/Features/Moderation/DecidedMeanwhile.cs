using AidDirectory.Core.Moderation;
using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Features.Moderation;

/// <summary>The answer when a submission changed after the moderator opened it: who decided, or what happened.</summary>
internal static class DecidedMeanwhile
{
    public static async Task<Decision> AnswerAsync(DirectoryDbContext db, Submission current, CancellationToken cancellationToken)
    {
        if (current.DecidedById is { } by && current.State is not SubmissionState.Pending)
        {
            var who = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == by, cancellationToken);
            return new Decision.AlreadyDecided(who?.Label ?? "another moderator", current.State);
        }

        return current.State == SubmissionState.Withdrawn
            ? new Decision.Refused("Its author withdrew it.")
            : new Decision.Refused("It changed since you opened it (it was resubmitted or decided and reopened). Reload it and look again.");
    }
}
