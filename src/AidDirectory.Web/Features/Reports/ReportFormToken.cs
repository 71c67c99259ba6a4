using Microsoft.AspNetCore.DataProtection;

namespace AidDirectory.Web.Features.Reports;

/// <summary>
/// The report form's stand-in for antiforgery: a token in the form itself, naming the listing and expiring
/// after a few hours, so a report must come from a form this site served, without any cookie.
/// </summary>
public sealed class ReportFormToken(IDataProtectionProvider protection)
{
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("AidDirectory.ResidentReport").ToTimeLimitedDataProtector();

    public string For(Guid serviceId) => _protector.Protect(serviceId.ToString("N"), TimeSpan.FromHours(6));

    public bool IsValid(string? token, Guid serviceId)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return false;
        }

        try
        {
            return _protector.Unprotect(token) == serviceId.ToString("N");
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }
}
