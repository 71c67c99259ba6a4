using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using AidDirectory.Web.Features.Printing;
using AidDirectory.Web.Features.Shared;
using Site = AidDirectory.Web.Hosting.Languages;

namespace AidDirectory.Web.Tests.Multilingual;

/// <summary>Every text of the site exists in every language it is offered in, with the same placeholders.</summary>
public sealed partial class ResourceParityTests
{
    public static TheoryData<string> OtherSiteLanguages() => [.. Site.Supported.Where(l => l != Site.Default)];

    public static TheoryData<string> FlyerLanguages() => [.. Flyers.Languages.Where(l => l != Site.Default)];

    /// <summary>The texts of one resource file: the language's own file only, never its parent's (a missing key must show).</summary>
    internal static Dictionary<string, string> Read(Type resources, string language)
    {
        var manager = new ResourceManager(resources);
        var set = manager.GetResourceSet(language.Length == 0 ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false);
        Assert.True(set is not null, $"{resources.Name} has no resources for \"{language}\"");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    [Fact]
    public void The_site_is_offered_in_english_spanish_polish_chinese_and_arabic()
    {
        Assert.Equal(["en", "es", "pl", "zh", "ar"], Site.Supported.Take(5));
        // Chinese formats dates with zh-Hans: plain zh prints some of them in English.
        Assert.Equal("zh-Hans", Site.Culture("zh").Name);
    }

    [Theory]
    [InlineData("zh-TW", "zh-Hant")]
    [InlineData("zh-Hant-TW", "zh-Hant")]
    [InlineData("zh-HK", "zh-Hant")]
    [InlineData("ZH-hant", "zh-Hant")]
    [InlineData("zh-CN", "zh")]
    [InlineData("zh-Hans", "zh")]
    [InlineData("zh", "zh")]
    public void Once_the_site_has_zh_hant_traditional_chinese_browsers_land_there(string tag, string expected) =>
        Assert.Equal(expected, Site.Match(tag, ["en", "es", "pl", "zh", "ar", "zh-Hant"]));

    [Theory]
    [MemberData(nameof(OtherSiteLanguages))]
    public void Every_ui_text_exists_in_every_site_language_with_the_same_placeholders(string language) =>
        AssertParity(typeof(UiText), language);

    [Theory]
    [MemberData(nameof(FlyerLanguages))]
    public void Every_flyer_text_exists_in_every_flyer_language_with_the_same_placeholders(string language) =>
        AssertParity(typeof(FlyerText), language);

    private static void AssertParity(Type resources, string language)
    {
        var english = Read(resources, "");
        var translated = Read(resources, language);
        Assert.True(english.Count > 10, $"{english.Count} English texts");
        Assert.Empty(english.Keys.Except(translated.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(translated.Keys.Except(english.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(translated.Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key));
        var differing = english
            .Where(p => !Placeholders(p.Value).SequenceEqual(Placeholders(translated[p.Key])))
            .Select(p => $"{p.Key}: {p.Value} ≠ {translated[p.Key]}")
            .ToList();
        Assert.Empty(differing);
    }

    /// <summary>The placeholders of a text, such as <c>{0}</c> and <c>{1:N0}</c>, sorted: their order may change in translation.</summary>
    internal static IEnumerable<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\{\d+(?:,[^}]*)?(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
