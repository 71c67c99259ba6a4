using System.Globalization;
using System.Text.Json.Nodes;
using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AidDirectory.Web.Features.Search;

/// <summary>
/// A search's URL parameters, described once: <see cref="SearchRequest"/> reads them by these names and checks
/// them against these limits, and the OpenAPI document of <c>/api/v1/services</c> and its GeoJSON lists them
/// from here, so the two cannot drift apart.
/// </summary>
public static class SearchParameters
{
    /// <summary>One query parameter: its name, JSON-schema type and the limits the binder enforces.</summary>
    public sealed record Parameter(string Name, JsonSchemaType Type, string Description)
    {
        public int? MinLength { get; init; }
        public int? MaxLength { get; init; }
        public double? Minimum { get; init; }
        public double? Maximum { get; init; }
        public string? Pattern { get; init; }
        public IReadOnlyList<string>? Values { get; init; }
        public string? Default { get; init; }

        /// <summary>Whether <paramref name="value"/> lies within <see cref="Minimum"/> and <see cref="Maximum"/>.</summary>
        public bool InRange(double value) => (Minimum is not { } min || value >= min) && (Maximum is not { } max || value <= max);

        /// <summary>Whether <paramref name="value"/>'s length lies within <see cref="MinLength"/> and <see cref="MaxLength"/>.</summary>
        public bool FitsLength(string value) => value.Length >= (MinLength ?? 0) && value.Length <= (MaxLength ?? int.MaxValue);
    }

    // The binder accepts these spellings of yes and no (a checkbox sends "on").
    private static readonly string[] FlagValues = ["1", "true", "on", "0", "false", "off"];

    private static Parameter Flag(string name, string description) => new(name, JsonSchemaType.String, description) { Values = FlagValues, Default = "false" };

    public static readonly Parameter Text = new("q", JsonSchemaType.String, "Words to look for, in any of the site's languages.") { MaxLength = SearchRequest.MaxTextLength };

    /// <summary>The codes come from the taxonomy the index holds, so the document lists them when it is written.</summary>
    public static readonly Parameter Category = new("category", JsonSchemaType.String, "A category code from the taxonomy, e.g. food.");

    public static readonly Parameter Zip = new("zip", JsonSchemaType.String, "A ZIP code the directory knows; results nearest it first. Not with area.");

    public static readonly Parameter Area = new("area", JsonSchemaType.String, "A community area, by its key (avondale) or its name; results nearest it first. Not with zip.");

    public static readonly Parameter Near = new("near", JsonSchemaType.String, "latitude,longitude (WGS 84, latitude -90 to 90, longitude -180 to 180), e.g. 41.85,-87.65; rounded to two decimals.")
    {
        Pattern = @"^\s*[-+]?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?,[-+]?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?\s*$",
    };

    public static readonly Parameter Box = new("bbox", JsonSchemaType.String, "west,south,east,north in degrees (west < east, south < north, within -180..180 and -90..90): only results inside; replaces the radius.")
    {
        Pattern = @"^\s*([-+]?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?,){3}[-+]?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?\s*$",
    };

    public static readonly Parameter Radius = new("radius", JsonSchemaType.Number, "Kilometres around near, zip or area.")
    {
        Minimum = 0.5, Maximum = SearchQuery.MaxRadiusKm, Default = SearchQuery.DefaultRadiusKm.ToString(CultureInfo.InvariantCulture),
    };

    public static readonly Parameter Speaks = new("speaks", JsonSchemaType.String, "Staff speak this language: an ISO 639 code of two or three letters, e.g. es.")
    {
        MinLength = 2, MaxLength = 3, Pattern = "^[A-Za-z]{2,3}$",
    };

    public static readonly Parameter Interpretation = new("interpretation", JsonSchemaType.String, "Interpretation is offered into this language: an ISO 639 code of two or three letters.")
    {
        MinLength = 2, MaxLength = 3, Pattern = "^[A-Za-z]{2,3}$",
    };

    public static readonly Parameter Documents = new("documents", JsonSchemaType.String, "Which documents a resident can do without.")
    {
        Values = ["none", "no_photo_id", "no_ssn"],
    };

    public static readonly Parameter Page = new("page", JsonSchemaType.Integer, "Page of results (GeoJSON: ignored, every match is returned).")
    {
        Minimum = 1, Maximum = SearchRequest.MaxPage, Default = "1",
    };

    public static readonly Parameter Free = Flag("free", "Only services that cost nothing.");
    public static readonly Parameter NoStatusQuestion = Flag("no_status_question", "Only services that do not ask about immigration status.");
    public static readonly Parameter WalkIn = Flag("walk_in", "Only services that take walk-ins.");
    public static readonly Parameter Delivery = Flag("delivery", "Only services that deliver.");
    public static readonly Parameter Wheelchair = Flag("wheelchair", "Only places a wheelchair can enter.");
    public static readonly Parameter OpenNow = Flag("open_now", "Only services open now (in the deployment's time zone).");

    public static readonly Parameter Language = new("lang", JsonSchemaType.String, "Language of names and of the problems in a 400 (English where the API has no text in it).")
    {
        Values = Hosting.Languages.Supported, Default = Hosting.Languages.Default,
    };

    /// <summary>Every parameter of /api/v1/services and /api/v1/services.geojson, in the order the document lists them.</summary>
    public static readonly IReadOnlyList<Parameter> All =
        [Text, Category, Zip, Area, Near, Box, Radius, Speaks, Interpretation, Free, Documents, NoStatusQuestion, WalkIn, Delivery, Wheelchair, OpenNow, Page, Language];

    /// <summary>Lists <see cref="All"/> on an endpoint whose handler reads the query itself (ASP.NET sees no parameter there).</summary>
    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var categories = context.ApplicationServices.GetRequiredService<PublishedListingIndex>().Vocabulary.Categories.Select(c => c.Code).ToList();
        operation.Parameters ??= [];
        foreach (var parameter in All)
        {
            var values = parameter == Category ? categories : parameter.Values;
            var schema = new OpenApiSchema
            {
                Type = parameter.Type,
                MinLength = parameter.MinLength,
                MaxLength = parameter.MaxLength,
                Minimum = parameter.Minimum?.ToString(CultureInfo.InvariantCulture),
                Maximum = parameter.Maximum?.ToString(CultureInfo.InvariantCulture),
                Pattern = parameter.Pattern,
                Default = parameter.Default is null ? null : parameter.Type is JsonSchemaType.String ? JsonValue.Create(parameter.Default) : JsonNode.Parse(parameter.Default),
                Enum = values?.Select(v => (JsonNode)JsonValue.Create(v)).ToList(),
            };
            operation.Parameters.Add(new OpenApiParameter { Name = parameter.Name, In = ParameterLocation.Query, Description = parameter.Description, Schema = schema });
        }

        return Task.CompletedTask;
    }
}
