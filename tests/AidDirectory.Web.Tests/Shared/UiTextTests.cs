using System.Globalization;
using System.Resources;
using AidDirectory.Web.Features.Shared;

namespace AidDirectory.Web.Tests.Shared;

public sealed class UiTextTests
{
    private static Dictionary<string, string> Read(string culture)
    {
        var manager = new ResourceManager(typeof(UiText));
        var set = manager.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"no {culture} resources");
        return set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    [Fact]
    public void Spanish_has_every_english_text_and_none_is_left_empty_or_in_english()
    {
        var english = Read("");
        var spanish = Read("es");
        Assert.True(english.Count > 50, $"{english.Count} texts");
        Assert.Empty(english.Keys.Except(spanish.Keys));
        Assert.Empty(spanish.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key));
        var untranslated = spanish.Where(p => p.Value == english[p.Key] && p.Value.Length > 3).Select(p => p.Key).ToList();
        Assert.Empty(untranslated);
    }

    [Fact]
    public void Placeholders_match_between_languages()
    {
        var english = Read("");
        var spanish = Read("es");
        foreach (var (key, text) in english)
        {
            var wanted = Enumerable.Range(0, 4).Where(i => text.Contains($"{{{i}}}", StringComparison.Ordinal));
            var got = Enumerable.Range(0, 4).Where(i => spanish[key].Contains($"{{{i}}}", StringComparison.Ordinal));
            Assert.True(wanted.SequenceEqual(got), $"{key}: placeholders differ");
        }
    }
}
