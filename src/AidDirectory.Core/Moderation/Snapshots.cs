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

    public static T Read<T>(string snapshot) =>
        JsonSerializer.Deserialize<T>(snapshot, Options) ?? throw new JsonException($"The snapshot holds no {typeof(T).Name}.");
}
