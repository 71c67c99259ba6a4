using System.ComponentModel.DataAnnotations;
using AidDirectory.Web.Features.Moderation;

namespace AidDirectory.Web.Features.Portal;

/// <summary>Who a moderator may contact about a submission. Seen by moderators only, never by residents.</summary>
public sealed class ContactInput
{
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters."), Display(Name = "Your name (moderators only)")]
    public string? Name { get; set; }

    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org."), StringLength(254), Display(Name = "Email for questions (moderators only)")]
    public string? Email { get; set; }

    [StringLength(32, ErrorMessage = "Keep the phone number under 32 characters."), Display(Name = "Phone for questions (moderators only)")]
    public string? Phone { get; set; }

    public PortalSubmissions.Contact ToContact() => new(Blank(Name), Blank(Email), Blank(Phone));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
