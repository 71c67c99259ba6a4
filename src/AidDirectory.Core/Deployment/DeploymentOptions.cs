using System.ComponentModel.DataAnnotations;

namespace AidDirectory.Core.Deployment;

/// <summary>Facts about the place this deployment serves.</summary>
public sealed class DeploymentOptions
{
    public const string Section = "Deployment";

    /// <summary>IANA zone id in which all opening hours are read.</summary>
    [Required]
    public string TimeZone { get; set; } = "America/Chicago";

    /// <summary>A listing not confirmed for this many days is shown as possibly out of date.</summary>
    [Range(7, 730)]
    public int StaleAfterDays { get; set; } = 90;

    /// <summary>
    /// The address residents reach the site at (<c>https://directory.example.org</c>). Every absolute link the
    /// site writes (the flyer's QR code, redirects, links in mail) starts with it, and it is the only host a
    /// request may name. Required outside Development; there, without it, links follow the local request.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary><see cref="PublicUrl"/> ending in a slash, or null when it is unset or not an absolute http or https URL.</summary>
    public Uri? PublicRoot =>
        PublicUrl is { Length: > 0 } url
        && Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var root)
        && (root.Scheme == Uri.UriSchemeHttp || root.Scheme == Uri.UriSchemeHttps)
        && root.Query.Length == 0 && root.Fragment.Length == 0 && root.UserInfo.Length == 0
            ? root
            : null;
}
