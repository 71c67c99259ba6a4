using AidDirectory.Core.Moderation;
using PhoneNumbers;
using static AidDirectory.Web.Features.Portal.Services.FormValues;

namespace AidDirectory.Web.Features.Portal.Services;

public sealed class PhoneRow
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public string? Number { get; set; }
    public string? Extension { get; set; }
    public string? Description { get; set; }

    /// <summary>The phone this row gives (in E.164), or null when it is blank or wrong (and then <paramref name="problem"/> says why).</summary>
    public PhoneDraft? Read(string at, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (Text(Number) is not { } number)
        {
            if (Text(Extension) is not null || Text(Description) is not null)
            {
                problem($"{at}.Number", "Enter the phone number, or clear the row.");
            }

            return null;
        }

        try
        {
            var parsed = Phones.Parse(number, "US");
            if (Phones.IsValidNumber(parsed))
            {
                return new PhoneDraft(Phones.Format(parsed, PhoneNumberFormat.E164), Text(Extension), Text(Description));
            }
        }
        catch (NumberParseException)
        {
            // Reported below, like a number that parses but cannot be dialled.
        }

        problem($"{at}.Number", $"“{number}” is not a phone number we can dial; write it like 312-555-0100.");
        return null;
    }
}
