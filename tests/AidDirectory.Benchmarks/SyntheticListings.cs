using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Schedules;
using AidDirectory.Core.Taxonomy;
using AidDirectory.Core.Translations;
using AidDirectory.Search.Indexing;
using NetTopologySuite.Geometries;
using NodaTime;
using Location = AidDirectory.Core.Locations.Location;

namespace AidDirectory.Benchmarks;

/// <summary>Listings spread over Chicago, written in five languages, from a fixed seed.</summary>
internal static class SyntheticListings
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private static readonly (string Language, string Name, string Description, string Category)[] Templates =
    [
        ("en", "Community Food Pantry", "Free groceries and hot meals every week, no ID needed", "food"),
        ("es", "Despensa Comunitaria", "Comida gratis cada semana para familias, sin preguntas", "food"),
        ("pl", "Bank Żywności Parafii", "Bezpłatna żywność dla rodzin w każdą sobotę", "food"),
        ("zh", "社区食物银行", "每周免费提供食品和热餐", "food"),
        ("ar", "بنك الطعام المجتمعي", "طعام مجاني للعائلات كل أسبوع", "food"),
        ("en", "Immigrant Legal Clinic", "Free consultations with an attorney: DACA, asylum, green card", "legal"),
        ("es", "Clínica Legal para Inmigrantes", "Consultas gratis con un abogado sobre asilo y DACA", "legal"),
        ("en", "Neighborhood Health Center", "Primary care, vaccines and WIC on a sliding scale", "health"),
        ("es", "Centro de Salud del Barrio", "Atención médica y vacunas para toda la familia", "health"),
        ("en", "Overnight Warming Shelter", "Beds and a warm place to sleep in winter", "shelter"),
    ];

    public static IReadOnlyList<TaxonomyTerm> Categories { get; } =
    [
        Term("food", 0, "Food", "Comida", ["food pantry", "groceries", "comida", "despensa", "żywność", "食物", "طعام"]),
        Term("legal", 1, "Legal help", "Ayuda legal", ["lawyer", "attorney", "abogado", "prawnik", "律师", "محامي"]),
        Term("health", 2, "Health", "Salud", ["clinic", "doctor", "clínica", "médico", "lekarz", "诊所", "عيادة"]),
        Term("shelter", 3, "Shelter", "Albergues", ["shelter", "refugio", "albergue", "schronisko"]),
    ];

    public static IReadOnlyList<Place> Places { get; } =
    [
        new(Place.Zip, "60629", "60629", Wgs84.CreatePoint(new Coordinate(-87.7116, 41.7753)), 65, []),
        new(Place.Zip, "60623", "60623", Wgs84.CreatePoint(new Coordinate(-87.7173, 41.8477)), 30, []),
        new(Place.Area, "south-lawndale", "South Lawndale", Wgs84.CreatePoint(new Coordinate(-87.7120, 41.8440)), 30, ["La Villita", "Little Village"]),
    ];

    public static List<IndexedListing> Make(int count, int seed = 2026)
    {
        var random = new Random(seed);
        var organization = new Organization { Id = Guid.NewGuid(), Name = "Synthetic Mutual Aid Network" };
        var listings = new List<IndexedListing>(count);
        for (var i = 0; i < count; i++)
        {
            var (language, name, description, category) = Templates[random.Next(Templates.Length)];
            var service = new Service
            {
                Id = Guid.NewGuid(),
                ExternalId = $"synthetic-{i}",
                SourceKey = "synthetic",
                Organization = organization,
                OrganizationId = organization.Id,
                Name = $"{name} {i}",
                Description = description,
                WrittenIn = language,
                Cost = random.Next(3) == 0 ? CostKind.Free : null,
                Access = random.Next(2) == 0 ? AccessMode.WalkIn : AccessMode.Appointment,
                Languages = random.Next(2) == 0 ? ["en", "es"] : ["en"],
                NameTranslations = LocalizedText.Empty,
            };
            service.Categories.Add(Categories.First(c => c.Code == category));
            service.Schedules.Add(Schedule.WeeklyOn((IsoDayOfWeek)(1 + random.Next(7)), new LocalTime(9, 0), new LocalTime(17, 0)));
            var location = new Location
            {
                Point = Wgs84.CreatePoint(new Coordinate(-87.94 + (random.NextDouble() * 0.42), 41.65 + (random.NextDouble() * 0.37))),
                Visibility = LocationVisibility.Exact,
                City = "Chicago",
                Address1 = $"{random.Next(100, 9999)} S Example St",
            };
            listings.Add(new IndexedListing(service, ShownLocation.Of(location), null, null));
        }

        return listings;
    }

    private static TaxonomyTerm Term(string code, int order, string en, string es, string[] synonyms) => new()
    {
        Code = code,
        Taxonomy = TaxonomyTerm.OurTaxonomy,
        SortOrder = order,
        Names = new LocalizedText(new Dictionary<string, string> { ["en"] = en, ["es"] = es }),
        Synonyms = new Dictionary<string, List<string>> { ["all"] = [.. synonyms] },
    };
}
