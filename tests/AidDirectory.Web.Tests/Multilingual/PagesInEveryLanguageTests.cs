using System.Net;
using System.Text.RegularExpressions;
using AidDirectory.Web.Features.Shared;
using AidDirectory.Web.Tests.Infrastructure;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NodaTime;

namespace AidDirectory.Web.Tests.Multilingual;

/// <summary>
/// Every public page in Polish, Chinese and Arabic: it answers in its language, Arabic is right to left, and no English
/// UI text is left in it. Runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class PagesInEveryLanguageTests(DirectoryApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Homes() => new()
    {
        { "pl", "pl", "Znajdź pomoc w Chicago" },
        { "zh", "zh-Hans", "在芝加哥寻找帮助" },
        { "ar", "ar", "ابحث عن مساعدة في شيكاغو" },
    };

    public static TheoryData<string> NewLanguages() => ["pl", "zh", "ar"];

    [Theory]
    [MemberData(nameof(Homes))]
    public async Task Home_category_search_and_listing_pages_answer_in_their_language(string language, string htmlLang, string title)
    {
        var id = await SaveListingAsync();
        var (status, home, _) = await app.GetPageAsync($"/{language}/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(title, home, StringComparison.Ordinal);
        var direction = language == "ar" ? "rtl" : "ltr";
        foreach (var url in new[] { $"/{language}/", $"/{language}/category/food", $"/{language}/search?q=60629", $"/{language}/service/{id}", $"/{language}/neighborhood/south-lawndale" })
        {
            var (pageStatus, html, response) = await app.GetPageAsync(url);
            Assert.True(pageStatus == HttpStatusCode.OK, $"{url}: {pageStatus}");
            Assert.Contains($"<html lang=\"{htmlLang}\" dir=\"{direction}\">", html, StringComparison.Ordinal);
            Assert.Contains(Expected(language, "Layout_Privacy"), html, StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Set-Cookie"), url);
        }
    }

    [Fact]
    public async Task Arabic_pages_are_right_to_left_and_keep_phone_numbers_left_to_right()
    {
        var id = await SaveListingAsync();
        var (_, home, _) = await app.GetPageAsync("/ar/");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", home, StringComparison.Ordinal);
        var (_, listing, _) = await app.GetPageAsync($"/ar/service/{id}");
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", listing, StringComparison.Ordinal);
        Assert.Matches("<a href=\"tel:\\+13125550123\" dir=\"ltr\">", listing);
        Assert.Contains("<bdi dir=\"auto\">Test Mutual Aid Network</bdi>", listing, StringComparison.Ordinal);
        var (_, english, _) = await app.GetPageAsync("/en/");
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", english, StringComparison.Ordinal);
    }

    /// <summary>
    /// Reads each public page as a reader of <paramref name="language"/> would (text and the alt, title, aria-label and
    /// placeholder attributes) and fails on any English UI text. Organizations' text (marked <c>dir="auto"</c> or in
    /// another <c>lang</c>) and the language switch, which names each language in itself, don't count.
    /// </summary>
    [Theory]
    [MemberData(nameof(NewLanguages))]
    public async Task No_english_ui_text_is_left_on_any_public_page(string language)
    {
        var id = await SaveListingAsync();
        var english = EnglishTexts();
        string[] urls =
        [
            $"/{language}/",
            $"/{language}/search?q=food",
            $"/{language}/search?q=zzzqqq",
            $"/{language}/search/print?q=food",
            $"/{language}/category/food",
            $"/{language}/neighborhood/south-lawndale",
            $"/{language}/service/{id}",
            $"/{language}/service/{id}/report",
            $"/{language}/flyer",
            $"/{language}/service/{Guid.NewGuid()}",
            $"/{language}/category/food?page=abc",
        ];
        var found = new List<string>();
        foreach (var url in urls)
        {
            var response = await app.ResidentClient().GetAsync(new Uri(url, UriKind.Relative), Token);
            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(Token));
            found.AddRange(ReaderTexts(document).SelectMany(text => english.Where(e => e.Pattern.IsMatch(text)).Select(e => $"{url}: {e.Key} in \"{text}\"")));
        }

        Assert.Empty(found);
    }

    private Task<Guid> SaveListingAsync() => app.WithDatabaseAsync(db =>
    {
        var listing = new TestListing("Despensa de Prueba").OpenOn(IsoDayOfWeek.Monday, 9, 17).OpenOn(IsoDayOfWeek.Tuesday, 9, 17).InCategory(db, "food");
        return listing.SaveAsync(db);
    });

    private static string Expected(string language, string key) => ResourceParityTests.Read(typeof(UiText), language)[key];

    /// <summary>Each English UI text as a pattern: its words, with each placeholder standing for anything.</summary>
    private static List<(string Key, Regex Pattern)> EnglishTexts() =>
        [.. ResourceParityTests.Read(typeof(UiText), "")
            .Where(p => Literal(p.Value).Length >= 4)
            .Select(p => (p.Key, new Regex(@"(?<![\p{L}])" + string.Join(".*?", Regex.Split(p.Value, @"\{\d+\}").Select(Regex.Escape)) + @"(?![\p{L}])", RegexOptions.CultureInvariant)))];

    private static string Literal(string text) => Regex.Replace(text, @"\{\d+\}", "").Trim();

    private static IEnumerable<string> ReaderTexts(IDocument document)
    {
        string[] attributes = ["alt", "title", "aria-label", "placeholder"];
        var pageLanguage = document.DocumentElement.GetAttribute("lang");
        foreach (var element in document.All)
        {
            if (IsOthersText(element, pageLanguage))
            {
                continue;
            }

            foreach (var name in attributes)
            {
                if (element.GetAttribute(name) is { Length: > 0 } value)
                {
                    yield return value;
                }
            }

            foreach (var node in element.ChildNodes.OfType<IText>())
            {
                if (node.Data.Trim() is { Length: > 0 } text)
                {
                    yield return text;
                }
            }
        }
    }

    private static bool IsOthersText(IElement element, string? pageLanguage)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e.LocalName is "script" or "style" || e.GetAttribute("dir") == "auto" || (e.LocalName == "nav" && e.ClassList.Contains("langs"))
                || (e.GetAttribute("lang") is { } lang && !string.Equals(lang, pageLanguage, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}

[Collection<SqliteResidentSite>]
public sealed class SqlitePagesInEveryLanguageTests(SqliteDirectoryApp app) : PagesInEveryLanguageTests(app);

[Collection<PostgresResidentSite>]
public sealed class PostgresPagesInEveryLanguageTests(PostgresDirectoryApp app) : PagesInEveryLanguageTests(app);
