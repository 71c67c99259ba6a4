using System.ComponentModel.DataAnnotations;

namespace AidDirectory.Web.Features.Mail;

/// <summary>
/// Optional SMTP delivery of the outbox (configuration section <c>Mail</c>). Without <see cref="SmtpHost"/>
/// nothing is sent: organizations read every notification in the portal, and nothing is lost.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary>STARTTLS on a plain port (587), or TLS from the start (465) when false and the port is 465.</summary>
    public bool UseStartTls { get; set; } = true;

    public string? Username { get; set; }
    public string? Password { get; set; }

    [EmailAddress]
    public string? From { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(SmtpHost);
}
