using System.Text.Json;
using AidDirectory.Core.Translations;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AidDirectory.Data.Conventions;

/// <summary>
/// Small structured values (a list of language codes, text per language) stored as one JSON text
/// column, the same on SQLite and PostgreSQL. Compared by their JSON so an unchanged value is not an update.
/// </summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) where T : new() =>
        string.IsNullOrEmpty(json) ? new T() : JsonSerializer.Deserialize<T>(json, Options) ?? new T();

    public static string WriteText(LocalizedText text) => Write(new SortedDictionary<string, string>(
        text.Values.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal));

    public static LocalizedText ReadText(string json) => new(Read<Dictionary<string, string>>(json));
}

internal sealed class JsonConverter<T>() : ValueConverter<T, string>(
    v => JsonText.Write(v), s => JsonText.Read<T>(s)) where T : new();

internal sealed class JsonComparer<T>() : ValueComparer<T>(
    (a, b) => JsonText.Write(a) == JsonText.Write(b),
    v => JsonText.Write(v).GetHashCode(StringComparison.Ordinal),
    v => JsonText.Read<T>(JsonText.Write(v))) where T : new();

internal sealed class LocalizedTextConverter() : ValueConverter<LocalizedText, string>(
    v => JsonText.WriteText(v), s => JsonText.ReadText(s));

internal sealed class LocalizedTextComparer() : ValueComparer<LocalizedText>(
    (a, b) => JsonText.WriteText(a!) == JsonText.WriteText(b!),
    v => JsonText.WriteText(v).GetHashCode(StringComparison.Ordinal),
    v => v);
