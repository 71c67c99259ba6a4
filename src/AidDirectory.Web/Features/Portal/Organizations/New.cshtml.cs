using System.ComponentModel.DataAnnotations;
using AidDirectory.Core.Moderation;
using AidDirectory.Web.Features.Accounts;
using AidDirectory.Web.Features.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidDirectory.Web.Features.Portal.Organizations;

/// <summary>Describe an organization that is not listed yet; a moderator approves it before anyone sees it.</summary>
public sealed class NewModel(PortalSubmissions submissions) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the organization's name."), StringLength(300, ErrorMessage = "Keep the name under 300 characters."), Display(Name = "Organization name")]
    public string Name { get; set; } = "";

    [BindProperty, StringLength(4000, ErrorMessage = "Keep the description under 4,000 characters."), Display(Name = "What the organization does (Markdown allowed)")]
    public string? Description { get; set; }

    [BindProperty, Url(ErrorMessage = "Enter a full web address starting with https://."), StringLength(500), Display(Name = "Website")]
    public string? Website { get; set; }

    [BindProperty, EmailAddress(ErrorMessage = "Enter an email address like info@example.org."), StringLength(254), Display(Name = "Public email")]
    public string? Email { get; set; }

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Website is { Length: > 0 } && !Website.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !Website.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Website), "Enter a full web address starting with https://.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var draft = new OrganizationDraft(Name.Trim(), Blank(Description), Blank(Website), Blank(Email));
        var sent = await submissions.ProposeOrganizationAsync(StaffUser.Id(User), draft, Contact.ToContact(), cancellationToken);
        return sent is PortalSubmissions.Sent.Saved saved ? Redirect($"/portal/submissions/{saved.SubmissionId}") : Page();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
