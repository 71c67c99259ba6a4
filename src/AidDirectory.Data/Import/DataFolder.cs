using System.Runtime.CompilerServices;
using System.Text.Json;
using CsvHelper;
using NetTopologySuite.IO.Converters;

namespace AidDirectory.Data.Import;

/// <summary>
/// The files of a data folder, named relative to it, and the problems found in them: a missing file or a
/// broken JSON document or CSV row becomes a problem with its file and line, never an exception.
/// </summary>
internal sealed class DataFolder(string root, List<ImportProblem> problems)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new GeoJsonConverterFactory() },
    };

    public string PathOf(string file) => Path.Combine(root, file);

    public string NameOf(string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    public void Problem(string file, int line, string message) => problems.Add(new ImportProblem(file, line, message));

    public bool Exists(string file)
    {
        if (File.Exists(PathOf(file)))
        {
            return true;
        }

        Problem(file, 0, "file is missing.");
        return false;
    }

    public async Task<T?> ReadJsonAsync<T>(string file, CancellationToken cancellationToken)
    {
        if (!Exists(file))
        {
            return default;
        }

        try
        {
            await using var stream = File.OpenRead(PathOf(file));
            return await JsonSerializer.DeserializeAsync<T>(stream, Json, cancellationToken);
        }
        catch (JsonException e)
        {
            Problem(file, (int)(e.LineNumber ?? 0) + 1, $"not valid JSON ({e.Message}).");
            return default;
        }
    }

    /// <summary>
    /// The well-formed rows of a CSV file with a header, each with the line it starts on (blank lines and the
    /// lines inside quoted fields counted). A row with broken quoting is reported and left out. Unless
    /// <paramref name="rowsSpanLines"/>, a quoted field ends at the end of its line, so one stray quote
    /// cannot swallow the rows after it.
    /// </summary>
    public async IAsyncEnumerable<(T Row, int Line)> ReadCsvAsync<T>(string file, bool rowsSpanLines, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var malformed = new HashSet<long>();
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = rowsSpanLines,
            // The rules of the TextFieldParser these files were first read with: spaces around a value are
            // dropped, inside quotes too, and a quote inside an unquoted value (5" pipe) is text.
            TrimWhitespace = true,
            TrimInsideQuotes = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = record =>
            {
                if (record.Reason != CsvMalformedReason.StrayQuote)
                {
                    malformed.Add(record.LineNumber);
                    Problem(file, (int)record.LineNumber, "is not a well-formed CSV row (check the quotes).");
                }
            },
        };
        await using var csv = CsvReader.FromFile(PathOf(file), options);
        await foreach (var row in csv.GetRecordsAsync<T>(cancellationToken))
        {
            if (!malformed.Contains(csv.LineNumber))
            {
                yield return (row, (int)csv.LineNumber);
            }
        }
    }
}
