using NodaTime;

namespace AidDirectory.Core.Accounts;

/// <summary>
/// A message to a person (the outbox). The portal shows it whether or not mail is configured; when SMTP
/// is configured a sender delivers it and records when. Nothing is lost if mail fails: it stays here.
/// </summary>
public sealed class Notification : Listings.IVersioned
{
    public const int MaxSubject = 300;

    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid? OrganizationId { get; set; }
    public Guid? ServiceId { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public Instant CreatedAt { get; set; }
    public Instant? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>Concurrency token: a sender claims a message by saving its next attempt, so two web processes never both send it.</summary>
    public int Version { get; private set; }
}
