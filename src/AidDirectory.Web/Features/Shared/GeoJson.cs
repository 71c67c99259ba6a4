using System.Text.Json;
using NetTopologySuite.IO.Converters;

namespace AidDirectory.Web.Features.Shared;

/// <summary>How the site writes GeoJSON (the services for the map, the community-area outlines): one set of options, one media type.</summary>
internal static class GeoJson
{
    public const string MediaType = "application/geo+json";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new GeoJsonConverterFactory() } };
}
