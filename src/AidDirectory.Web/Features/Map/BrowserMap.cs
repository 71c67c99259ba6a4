using Microsoft.Extensions.Options;

namespace AidDirectory.Web.Features.Map;

/// <summary>
/// Whether the results page can offer the browser map (the build copied Leaflet into wwwroot/lib, which
/// needs npm), and the base layer it draws. Without Leaflet the page is the list alone, as without JavaScript.
/// </summary>
public sealed class BrowserMap(IWebHostEnvironment environment, IOptions<MapOptions> options)
{
    public bool Available { get; } = environment.WebRootFileProvider.GetFileInfo("lib/leaflet/leaflet.js").Exists
        && environment.WebRootFileProvider.GetFileInfo("lib/leaflet.markercluster/leaflet.markercluster.js").Exists;

    public string? TileUrl => string.IsNullOrWhiteSpace(options.Value.TileUrl) ? null : options.Value.TileUrl;

    public string? TileAttribution => TileUrl is null ? null : options.Value.TileAttribution;
}
