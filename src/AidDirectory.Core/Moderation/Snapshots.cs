using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace AidDirectory.Core.Moderation;

/// <summary>How drafts are stored in a submission and in audit entries: JSON, enums by name, NodaTime values as ISO text.</summary>
public static class Snapshots
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    }.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    public static string Write<T>(T draft) => JsonSerializer.Serialize(draft, Options);

    /// <summary>The draft, or null when <paramref name="snapshot"/> is not one (text posted back by a browser).</summary>
    public static T? TryRead<T>(string snapshot)
        where T : class
    {
        try
        {
            var draft = JsonSerializer.Deserialize<T>(snapshot, Options);
            return draft is ServiceDraft { Phones: null } or ServiceDraft { Hours: null } or ServiceDraft { Places: null } or ServiceDraft { ServiceAreas: null }
                or ServiceDraft { Categories: null } or ServiceDraft { Languages: null } or ServiceDraft { NameTranslations: null } or ServiceDraft { DescriptionTranslations: null }
                or ServiceDraft { Name: null }
                ? null
                : draft;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static T Read<T>(string snapshot) =>
        JsonSerializer.Deserialize<T>(snapshot, Options) ?? throw new JsonException($"The snapshot holds no {typeof(T).Name}.");
}
