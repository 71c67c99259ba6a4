using AidDirectory.Core.Moderation;
using Microsoft.AspNetCore.DataProtection;

namespace AidDirectory.Web.Features.Reports;

/// <summary>
/// The report form's stand-in for antiforgery: a token in the form itself, naming the listing and a random
/// one-time number and expiring after a few hours, so a report must come from a form this site served,
/// without any cookie. Filing records the number (<see cref="SpentReportToken"/>): one form, one report.
/// </summary>
public sealed class ReportFormToken(IDataProtectionProvider protection)
{
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("AidDirectory.ResidentReport.Once").ToTimeLimitedDataProtector();

    public string For(Guid serviceId) => _protector.Protect($"{serviceId:N}.{Guid.NewGuid():N}", SpentReportToken.Lifetime.ToTimeSpan());

    /// <summary>The form's one-time number, or null when the token is missing, forged, expired or for another listing.</summary>
    public Guid? NonceOf(string? token, Guid serviceId)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(token).Split('.');
            return parts.Length == 2 && parts[0] == serviceId.ToString("N") && Guid.TryParseExact(parts[1], "N", out var nonce) ? nonce : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
