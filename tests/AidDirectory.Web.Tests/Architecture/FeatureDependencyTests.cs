using System.Text.RegularExpressions;

namespace AidDirectory.Web.Tests.Architecture;

/// <summary>
/// Features point one way: ARCHITECTURE.md lists which feature folder may use which, and this test holds
/// the code to that table (and the table to having no loop).
/// </summary>
public sealed partial class FeatureDependencyTests
{
    private static readonly string Root = FindRoot();
    private static readonly string Features = Path.Combine(Root, "src", "AidDirectory.Web", "Features");

    [Fact]
    public void Every_feature_uses_only_what_the_architecture_page_allows()
    {
        var allowed = AllowedUses();
        var used = ActualUses(allowed.Keys);
        Assert.NotEmpty(used["Portal"]); // the scan sees uses at all, so an empty result below means something
        var breaches = used.SelectMany(f => f.Value.Where(u => !allowed[f.Key].Contains(u)).Select(u => $"{f.Key} uses {u}")).ToList();
        Assert.True(breaches.Count == 0, "Not allowed by ARCHITECTURE.md: " + string.Join("; ", breaches));
    }

    [Fact]
    public void Every_feature_folder_has_a_row_in_the_architecture_page()
    {
        var folders = Directory.GetDirectories(Features).Select(Path.GetFileName).OfType<string>().ToList();
        Assert.NotEmpty(folders);
        Assert.Empty(folders.Except(AllowedUses().Keys));
    }

    [Fact]
    public void The_allowed_uses_have_no_loop()
    {
        var allowed = AllowedUses();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var feature in allowed.Keys)
        {
            Visit(feature);
        }

        void Visit(string feature)
        {
            if (done.Contains(feature))
            {
                return;
            }

            Assert.False(path.Contains(feature), "A loop: " + string.Join(" → ", path.Append(feature)));
            path.Add(feature);
            foreach (var next in allowed[feature])
            {
                Assert.True(allowed.ContainsKey(next), $"{feature} may use {next}, which is not a feature in the table.");
                Visit(next);
            }

            path.RemoveAt(path.Count - 1);
            done.Add(feature);
        }
    }

    [Fact]
    public void The_scan_sees_a_use_written_with_a_relative_namespace()
    {
        var uses = UsesIn("using AidDirectory.Web.Features.Map;\nvar token = Reports.ReportFormToken.For(id); // AidDirectory.Search.Indexing and Core.Moderation are projects' namespaces",
            ["Map", "Moderation", "Reports", "Search"]);
        Assert.Equal(["Map", "Reports"], uses);
    }

    /// <summary>The table in ARCHITECTURE.md: feature → the features it may use.</summary>
    private static Dictionary<string, HashSet<string>> AllowedUses()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "ARCHITECTURE.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("## Which feature may use which", StringComparison.Ordinal));
        Assert.True(start >= 0, "ARCHITECTURE.md has no section 'Which feature may use which'.");
        var rows = lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2);
        var table = rows.Select(r => r.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(cells => cells[1], cells => cells[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        Assert.True(table.Count > 5, "The table of allowed uses was not read.");
        return table;
    }

    private static Dictionary<string, HashSet<string>> ActualUses(IEnumerable<string> features)
    {
        var names = features.ToList();
        return names.Where(f => Directory.Exists(Path.Combine(Features, f))).ToDictionary(f => f, f =>
            Directory.EnumerateFiles(Path.Combine(Features, f), "*.*", SearchOption.AllDirectories)
                .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".cshtml", StringComparison.Ordinal))
                .SelectMany(p => UsesIn(File.ReadAllText(p), names))
                .Where(u => u != f)
                .ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    // "AidDirectory.Web.Features.Search", "Features.Search.X" and, inside another feature, "Search.X"; never
    // the projects' own namespaces (AidDirectory.Search, AidDirectory.Core.Moderation).
    private static IEnumerable<string> UsesIn(string source, IReadOnlyList<string> features) =>
        FullName().Matches(source).Concat(RelativeName().Matches(source))
            .Select(m => m.Groups["feature"].Value)
            .Where(features.Contains)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    [GeneratedRegex(@"AidDirectory\.Web\.Features\.(?<feature>[A-Z][A-Za-z]+)\b")]
    private static partial Regex FullName();

    [GeneratedRegex(@"(?<![\w.])(?:Features\.)?(?<feature>[A-Z][A-Za-z]+)\.[A-Z]")]
    private static partial Regex RelativeName();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AidDirectory.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with AidDirectory.sln) is not above the test's folder.");
    }
}
