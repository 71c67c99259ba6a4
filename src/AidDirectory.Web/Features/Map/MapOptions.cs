using System.ComponentModel.DataAnnotations;

namespace AidDirectory.Web.Features.Map;

/// <summary>
/// The browser map's base layer (section <c>Map</c>). By default there is none to configure: the
/// community areas are drawn from our own data. An operator may name a tile server instead; every
/// resident's map then asks that server for the part of the city on screen (see the README).
/// </summary>
public sealed class MapOptions : IValidatableObject
{
    public const string Section = "Map";

    /// <summary>A tile URL template such as <c>https://tiles.example.org/{z}/{x}/{y}.png</c>; empty for none.</summary>
    public string? TileUrl { get; set; }

    /// <summary>Who to credit for the tiles, shown on the map (required with <see cref="TileUrl"/>).</summary>
    public string? TileAttribution { get; set; }

    /// <summary>The tile server's origin (<c>https://tiles.example.org</c>), the one the Content-Security-Policy allows; null without one.</summary>
    public string? TileOrigin => string.IsNullOrWhiteSpace(TileUrl) ? null : new Uri(TileUrl.Replace("{s}", "a", StringComparison.Ordinal)).GetLeftPart(UriPartial.Authority);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(TileUrl))
        {
            yield break;
        }

        if (!Uri.TryCreate(TileUrl.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || !TileUrl.Contains("{z}", StringComparison.Ordinal) || !TileUrl.Contains("{x}", StringComparison.Ordinal) || !TileUrl.Contains("{y}", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Map:TileUrl must be an https URL template with {z}, {x} and {y}, such as https://tiles.example.org/{z}/{x}/{y}.png.", [nameof(TileUrl)]);
        }

        if (string.IsNullOrWhiteSpace(TileAttribution))
        {
            yield return new ValidationResult("Map:TileAttribution is required with Map:TileUrl: tile providers require credit on the map.", [nameof(TileAttribution)]);
        }
    }
}
