using AidDirectory.Core.Moderation;
using NodaTime;

namespace AidDirectory.Core.Tests.Moderation;

/// <summary>Every state × action of the submission state machine: allowed ones lead where the design says, the rest are refused with a reason.</summary>
public sealed class SubmissionRulesTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 23, 18, 0);
    private static readonly Guid Moderator = Guid.NewGuid();

    // (from, action) → the state it leads to, or null when refused. The message given is a valid one.
    public static TheoryData<SubmissionState, SubmissionAction, SubmissionState?> Table()
    {
        var allowed = new Dictionary<(SubmissionState, SubmissionAction), SubmissionState>
        {
            [(SubmissionState.Pending, SubmissionAction.Approve)] = SubmissionState.Approved,
            [(SubmissionState.Pending, SubmissionAction.Reject)] = SubmissionState.Rejected,
            [(SubmissionState.Pending, SubmissionAction.RequestChanges)] = SubmissionState.ChangesRequested,
            [(SubmissionState.Pending, SubmissionAction.Withdraw)] = SubmissionState.Withdrawn,
            [(SubmissionState.ChangesRequested, SubmissionAction.Resubmit)] = SubmissionState.Pending,
        };
        var data = new TheoryData<SubmissionState, SubmissionAction, SubmissionState?>();
        foreach (var state in Enum.GetValues<SubmissionState>())
        {
            foreach (var action in Enum.GetValues<SubmissionAction>())
            {
                data.Add(state, action, allowed.TryGetValue((state, action), out var to) ? to : null);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_transition_is_allowed_or_refused_as_designed(SubmissionState from, SubmissionAction action, SubmissionState? to)
    {
        var submission = In(from);
        var version = submission.Version;
        if (to is { } expected)
        {
            Assert.Equal(from, submission.Apply(action, Moderator, At + Duration.FromHours(1), "Because.", "{\"name\":\"new\"}"));
            Assert.Equal(expected, submission.State);
            Assert.Equal(At + Duration.FromHours(1), submission.UpdatedAt);
        }
        else
        {
            var refused = Assert.Throws<SubmissionRefusedException>(() => submission.Apply(action, Moderator, At, "Because.", "{\"name\":\"new\"}"));
            Assert.False(string.IsNullOrWhiteSpace(refused.Message));
            Assert.Equal(from, submission.State);
            Assert.Equal(version, submission.Version);
        }
    }

    [Theory]
    [InlineData(SubmissionAction.Reject)]
    [InlineData(SubmissionAction.RequestChanges)]
    public void Rejecting_or_asking_for_changes_needs_words_for_the_organization(SubmissionAction action)
    {
        var submission = In(SubmissionState.Pending);
        Assert.Throws<SubmissionRefusedException>(() => submission.Apply(action, Moderator, At, "  "));
        Assert.Throws<SubmissionRefusedException>(() => submission.Apply(action, Moderator, At, new string('x', SubmissionRules.MaxMessageLength + 1)));
        Assert.Equal(SubmissionState.Pending, submission.State);
    }

    [Fact]
    public void A_decision_records_who_when_and_why_and_a_resubmission_keeps_the_message_until_the_next_decision()
    {
        var submission = In(SubmissionState.Pending);
        submission.Apply(SubmissionAction.RequestChanges, Moderator, At, " Add the Spanish name. ");
        Assert.Equal((Moderator, At, "Add the Spanish name."), (submission.DecidedById!.Value, submission.DecidedAt!.Value, submission.ModeratorMessage!));

        var editor = Guid.NewGuid();
        submission.Apply(SubmissionAction.Resubmit, editor, At + Duration.FromDays(1), newSnapshot: "{\"name\":\"second\"}");
        Assert.Equal(SubmissionState.Pending, submission.State);
        Assert.Equal("{\"name\":\"second\"}", submission.Snapshot);
        Assert.Null(submission.DecidedById);
        Assert.Equal("Add the Spanish name.", submission.ModeratorMessage);
    }

    [Fact]
    public void A_resubmission_without_new_text_is_refused() =>
        Assert.Throws<SubmissionRefusedException>(() => In(SubmissionState.ChangesRequested).Apply(SubmissionAction.Resubmit, Moderator, At, newSnapshot: ""));

    // Drives a new submission into a state through allowed transitions only.
    private static Submission In(SubmissionState state)
    {
        var submission = new Submission { Id = Guid.NewGuid(), Title = "Pantry", Snapshot = "{\"name\":\"old\"}", SubmittedAt = At, UpdatedAt = At };
        switch (state)
        {
            case SubmissionState.Approved:
                submission.Apply(SubmissionAction.Approve, Moderator, At);
                break;
            case SubmissionState.Rejected:
                submission.Apply(SubmissionAction.Reject, Moderator, At, "No.");
                break;
            case SubmissionState.ChangesRequested:
                submission.Apply(SubmissionAction.RequestChanges, Moderator, At, "Fix it.");
                break;
            case SubmissionState.Withdrawn:
                submission.Apply(SubmissionAction.Withdraw, Moderator, At);
                break;
        }

        Assert.Equal(state, submission.State);
        return submission;
    }
}
