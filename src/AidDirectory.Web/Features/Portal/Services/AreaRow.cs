using System.Globalization;
using AidDirectory.Core.Moderation;
using AidDirectory.Web.Features.Map;
using static AidDirectory.Web.Features.Portal.Services.FormValues;

namespace AidDirectory.Web.Features.Portal.Services;

public sealed class AreaRow
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    /// <summary>Community areas by name or number, separated by commas.</summary>
    public string? CommunityAreas { get; set; }
    /// <summary>ZIP codes separated by commas or spaces.</summary>
    public string? PostalCodes { get; set; }

    /// <summary>A drawn extent from the source (WKT), kept as it is: the form does not edit shapes.</summary>
    public string? ExtentWkt { get; set; }

    public bool IsBlank => new[] { Name, Description, CommunityAreas, PostalCodes, ExtentWkt }.All(string.IsNullOrWhiteSpace);

    /// <summary>The area this row gives, or null when it is blank; community areas are checked against <paramref name="outlines"/>.</summary>
    public AreaDraft? Read(string at, AreaOutlines outlines, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(outlines);
        ArgumentNullException.ThrowIfNull(problem);
        if (IsBlank)
        {
            return null;
        }

        var numbers = new List<int>();
        foreach (var part in Parts(CommunityAreas))
        {
            var area = int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? outlines.Areas.FirstOrDefault(a => a.Number == number)
                : outlines.Areas.FirstOrDefault(a => string.Equals(a.Name, part, StringComparison.OrdinalIgnoreCase));
            if (area is null)
            {
                problem($"{at}.CommunityAreas", $"“{part}” is not a Chicago community area (a name like Avondale, or a number 1–77).");
            }
            else
            {
                numbers.Add(area.Number);
            }
        }

        var zips = Parts(PostalCodes).ToList();
        var draft = new AreaDraft(Text(Name) ?? "", Text(Description), numbers.Distinct().Order().ToList(), zips.Distinct().Order(StringComparer.Ordinal).ToList(), Text(ExtentWkt));
        foreach (var (field, message) in ServiceDraftRules.OfArea(draft, outlines.Numbers, outlines.Region))
        {
            problem($"{at}.{(field == nameof(AreaDraft.CommunityAreaNumbers) ? nameof(CommunityAreas) : field)}", message);
        }

        return draft;
    }
}
