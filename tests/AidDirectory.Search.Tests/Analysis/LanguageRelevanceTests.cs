using System.Globalization;
using System.Text.Json;
using AidDirectory.Core.Schedules;
using AidDirectory.Core.Taxonomy;
using AidDirectory.Core.Translations;
using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using Microsoft.Extensions.Time.Testing;
using NetTopologySuite.Geometries;
using NodaTime;
using static AidDirectory.Search.Tests.Infrastructure.TestListings;

namespace AidDirectory.Search.Tests.Analysis;

/// <summary>
/// What Polish, Chinese and Arabic readers type, against a small directory written in their languages
/// (the sample data has no translations yet): each query must bring its listing into the top three. The
/// figures (in the top three, first, how many listings matched) are printed per language so a change
/// to an analyzer can be measured, not guessed: run with <c>--logger "console;verbosity=detailed"</c>.
/// Each query is asked twice: with the taxonomy's words, as on the site, and without them, where the
/// analyzers alone must find the listing (a category word lifts every listing in its category, in every
/// language, and would hide what the analyzers do).
/// </summary>
public sealed class LanguageRelevanceTests(LanguageRelevanceTests.Indexes indexes, ITestOutputHelper output) : IClassFixture<LanguageRelevanceTests.Indexes>
{
    private static readonly Point Loop = Wgs84.CreatePoint(new Coordinate(-87.63, 41.88));

    // The same eight services in each language, so the languages can be compared with each other.
    private static readonly Dictionary<string, (string Key, string Name, string Description, string Category)[]> Directory = new(StringComparer.Ordinal)
    {
        ["pl"] =
        [
            ("food", "Bank Żywności przy parafii św. Jacka", "Bezpłatne paczki żywnościowe i ciepłe posiłki w każdą sobotę. Bez pytań o status imigracyjny.", "food"),
            ("legal", "Porady prawne dla imigrantów", "Bezpłatna pomoc prawna w sprawach imigracyjnych, wiz i zielonej karty. Konsultacje z adwokatem po polsku.", "legal"),
            ("clinic", "Przychodnia na Jackowie", "Badania lekarskie, szczepienia i opieka nad dziećmi. Lekarze mówią po polsku.", "health"),
            ("shelter", "Schronisko dla kobiet", "Bezpieczne schronienie dla kobiet i dzieci doświadczających przemocy domowej.", "shelter"),
            ("english", "Kursy języka angielskiego dla dorosłych", "Bezpłatne lekcje angielskiego wieczorami i przygotowanie do egzaminu na obywatelstwo.", "learning"),
            ("rent", "Pomoc w opłaceniu czynszu", "Jednorazowa pomoc finansowa dla rodzin zagrożonych eksmisją i porady mieszkaniowe.", "housing"),
            ("counselling", "Punkt wsparcia psychologicznego", "Rozmowy z psychologiem po polsku i grupy wsparcia dla rodzin.", "mental-health"),
            ("seniors", "Darmowe obiady dla seniorów", "Ciepłe obiady dla osób starszych od poniedziałku do piątku.", "seniors"),
        ],
        ["zh"] =
        [
            ("food", "华人服务中心食物银行", "每周六免费发放食品和新鲜蔬菜，不问移民身份。", "food"),
            ("legal", "移民法律援助中心", "免费法律咨询，帮助申请绿卡、入籍和庇护。律师会讲普通话和广东话。", "legal"),
            ("clinic", "华埠社区诊所", "提供体检、疫苗接种和儿童医疗服务，医生会讲中文。", "health"),
            ("shelter", "妇女庇护所", "为遭受家庭暴力的妇女和儿童提供安全住所。", "shelter"),
            ("english", "成人英语班", "晚上免费上英语课，并帮助准备入籍考试。", "learning"),
            ("rent", "租房援助", "为面临驱逐的家庭提供一次性房租补助和住房咨询。", "housing"),
            ("counselling", "心理健康咨询", "用中文与心理咨询师交谈，并有家庭支持小组。", "mental-health"),
            ("seniors", "长者免费午餐", "周一至周五为老年人提供热腾腾的午餐。", "seniors"),
        ],
        ["ar"] =
        [
            ("food", "بنك الطعام في ألباني بارك", "توزيع طرود غذائية مجانية كل سبت، دون السؤال عن الوضع القانوني.", "food"),
            ("legal", "المساعدة القانونية للمهاجرين", "استشارات قانونية مجانية في قضايا الهجرة والبطاقة الخضراء واللجوء، مع محامٍ يتحدث العربية.", "legal"),
            ("clinic", "عيادة صحية مجتمعية", "فحوصات طبية وتطعيمات ورعاية للأطفال، وأطباء يتحدثون العربية.", "health"),
            ("shelter", "ملجأ للنساء", "مأوى آمن للنساء والأطفال ضحايا العنف الأسري.", "shelter"),
            ("english", "دروس اللغة الإنجليزية للكبار", "دروس مسائية مجانية ومساعدة في التحضير لامتحان الجنسية.", "learning"),
            ("rent", "مساعدة في دفع الإيجار", "مساعدة مالية لمرة واحدة للعائلات المهددة بالإخلاء.", "housing"),
            ("counselling", "دعم نفسي", "جلسات مع أخصائي نفسي باللغة العربية ومجموعات دعم للعائلات.", "mental-health"),
            ("seniors", "وجبات غداء لكبار السن", "وجبات ساخنة لكبار السن من الاثنين إلى الجمعة.", "seniors"),
        ],
    };

    // What a resident would type, and the listing they are looking for.
    private static readonly (string Language, string Text, string Expected)[] Cases =
    [
        ("pl", "żywność", "food"),
        ("pl", "bank żywności", "food"),
        ("pl", "paczki żywnościowe", "food"),
        ("pl", "pomoc prawna", "legal"),
        ("pl", "pomocy prawnej", "legal"),
        ("pl", "adwokat", "legal"),
        ("pl", "lekarz", "clinic"),
        ("pl", "szczepienie", "clinic"),
        ("pl", "schronienie dla kobiet", "shelter"),
        ("pl", "przemoc domowa", "shelter"),
        ("pl", "kurs angielskiego", "english"),
        ("pl", "obywatelstwo", "english"),
        ("pl", "czynsz", "rent"),
        ("pl", "eksmisja", "rent"),
        ("pl", "psycholog", "counselling"),
        ("pl", "obiad dla seniora", "seniors"),
        ("zh", "食物银行", "food"),
        ("zh", "免费食品", "food"),
        ("zh", "法律援助", "legal"),
        ("zh", "律师", "legal"),
        ("zh", "绿卡", "legal"),
        ("zh", "诊所", "clinic"),
        ("zh", "打疫苗", "clinic"),
        ("zh", "家庭暴力", "shelter"),
        ("zh", "学英语", "english"),
        ("zh", "房租", "rent"),
        ("zh", "驱逐", "rent"),
        ("zh", "心理咨询", "counselling"),
        ("zh", "老人午餐", "seniors"),
        ("ar", "بنك الطعام", "food"),
        ("ar", "طرود غذائية", "food"),
        ("ar", "مساعدة قانونية", "legal"),
        ("ar", "مساعده قانونيه", "legal"),
        ("ar", "محامي", "legal"),
        ("ar", "عيادة", "clinic"),
        ("ar", "تطعيم", "clinic"),
        ("ar", "ملجأ", "shelter"),
        ("ar", "ملجا", "shelter"),
        ("ar", "العنف الاسري", "shelter"),
        ("ar", "اللغة الانجليزية", "english"),
        ("ar", "الايجار", "rent"),
        ("ar", "اخصائي نفسي", "counselling"),
        ("ar", "كبار السن", "seniors"),
    ];

    public static TheoryData<string, string, string> Queries => new(Cases);


    [Theory]
    [MemberData(nameof(Queries))]
    public void A_resident_finds_the_listing_in_the_top_three(string language, string text, string expected)
    {
        SkipPolishWithoutItsDictionary(language);
        foreach (var (index, how) in new[] { (indexes.WithTaxonomy, "taxonomy"), (indexes.WordsOnly, "words only") })
        {
            var (rank, hits, top) = Ask(index, language, text, expected);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{language}\t{how}\t{text}\trank {rank}\t{hits} hits\ttop: {string.Join(" | ", top)}"));
            Assert.True(rank is >= 1 and <= 3, $"\"{text}\" ({how}) put {expected} at rank {rank} of {hits}; top three: {string.Join(" | ", top)}");
        }
    }

    [Theory]
    [InlineData("pl")]
    [InlineData("zh")]
    [InlineData("ar")]
    public void The_figures_per_language(string language)
    {
        SkipPolishWithoutItsDictionary(language);
        var cases = Cases.Where(c => c.Language == language).ToList();
        foreach (var (index, how) in new[] { (indexes.WithTaxonomy, "taxonomy"), (indexes.WordsOnly, "words only") })
        {
            var results = cases.Select(c => Ask(index, language, c.Text, c.Expected)).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{language} ({how}): {results.Count(r => r.Rank is >= 1 and <= 3)}/{cases.Count} in the top three, {results.Count(r => r.Rank == 1)}/{cases.Count} first, {results.Average(r => r.Hits):0.0} listings matched on average (of {index.Count})"));
            Assert.All(results, r => Assert.InRange(r.Rank, 1, 3));
        }
    }

    // Polish inflects ("adwokatem" is "adwokat"); without hunspell-pl some cases cannot pass. CI must have it.
    private void SkipPolishWithoutItsDictionary(string language) =>
        Assert.SkipWhen(language == "pl" && indexes.WordsOnly.Analyzers.PolishDictionaryProblem is not null && Environment.GetEnvironmentVariable("CI") != "true",
            $"Polish is not stemmed here: {indexes.WordsOnly.Analyzers.PolishDictionaryProblem}");

    private static (int Rank, int Hits, List<string> Top) Ask(PublishedListingIndex index, string language, string text, string expected)
    {
        var results = index.Search(new SearchQuery { Text = text, Language = language, AllPages = true });
        var keys = results.Hits.Select(h => h.Listing.Service.ExternalId).ToList();
        var rank = keys.IndexOf($"{language}-{expected}") + 1;
        return (rank, results.Total, [.. keys.Take(3)]);
    }

    // Every language's listings in one index, as on the site, in the real taxonomy's categories.
    internal static PublishedListingIndex NewIndex(List<TaxonomyTerm> words)
    {
        var index = new PublishedListingIndex(new OpenNow(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero)), DateTimeZoneProviders.Tzdb["America/Chicago"]));
        var categories = Taxonomy();
        var listings = Directory.SelectMany(language => language.Value.Select(l => Listing(l.Name, Loop, s =>
        {
            s.ExternalId = $"{language.Key}-{l.Key}";
            s.WrittenIn = language.Key;
            s.Description = l.Description;
            s.Categories.Clear();
            s.Categories.Add(categories.Single(c => c.Code == l.Category));
        }))).ToList();
        index.Load(listings, new CategoryVocabulary(words, index.Analyzers), new PlaceNames([], index.Analyzers), 1);
        return index;
    }

    internal static List<TaxonomyTerm> Taxonomy()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "data", "taxonomy", "categories.json"))) folder = folder.Parent;
        Assert.NotNull(folder);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.FullName, "data", "taxonomy", "categories.json")));
        return [.. json.RootElement.EnumerateArray().Select(c => new TaxonomyTerm
        {
            Code = c.GetProperty("slug").GetString()!,
            Taxonomy = TaxonomyTerm.OurTaxonomy,
            Names = new LocalizedText(c.GetProperty("names").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)),
            Synonyms = c.GetProperty("synonyms").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(s => s.GetString()!).ToList()),
        })];
    }

    /// <summary>Built once for the class: each index reads the Polish dictionary, which takes about a second.</summary>
    public sealed class Indexes : IDisposable
    {
        public PublishedListingIndex WithTaxonomy { get; } = NewIndex(Taxonomy());

        public PublishedListingIndex WordsOnly { get; } = NewIndex([]);

        public void Dispose()
        {
            WithTaxonomy.Dispose();
            WordsOnly.Dispose();
        }
    }
}
