using AidDirectory.Core.Listings;
using AidDirectory.Core.Schedules;
using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using Microsoft.Extensions.Time.Testing;
using NetTopologySuite.Geometries;
using NodaTime;
using static AidDirectory.Search.Tests.Infrastructure.TestListings;

namespace AidDirectory.Search.Tests.Indexing;

/// <summary>
/// The index on its own, over listings placed to the metre: places and filters are answered from memory
/// before Lucene scores words, so these check that nothing those shortcuts skip should have been found.
/// </summary>
public sealed class PublishedListingIndexTests : IDisposable
{
    private static readonly Point Loop = Wgs84.CreatePoint(new Coordinate(-87.63, 41.88));
    private static readonly Place Zip60629 = new(Place.Zip, "60629", "60629", Wgs84.CreatePoint(new Coordinate(-87.7116, 41.7753)), 65, []);

    private static readonly int[] Bearings = [0, 45, 90, 135, 180, 225, 270, 315];

    private readonly PublishedListingIndex _index = new(new OpenNow(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero)), DateTimeZoneProviders.Tzdb["America/Chicago"]));

    public void Dispose() => _index.Dispose();

    [Theory]
    [InlineData(5.0)]
    [InlineData(50.0)]
    public void Near_a_point_finds_everything_inside_the_radius_in_every_direction_and_nothing_outside(double radius)
    {
        var inside = Bearings.Select(bearing => Listing($"inside {bearing}", At(Loop, bearing, radius * 0.97))).ToList();
        var outside = Bearings.Select(bearing => Listing($"outside {bearing}", At(Loop, bearing, radius * 1.03))).ToList();
        Load([.. inside, .. outside]);

        var results = _index.Search(new SearchQuery { Near = Loop, RadiusKm = radius, AllPages = true });

        Assert.Equal(inside.Select(l => l.Service.Name).Order(), results.Hits.Select(h => h.Listing.Service.Name).Order());
        Assert.All(results.Hits, h => Assert.InRange(h.DistanceKm!.Value, radius * 0.96, radius));
    }

    [Fact]
    public void Listings_far_away_are_found_when_their_service_area_covers_the_place_or_they_are_in_its_community_area()
    {
        var far = At(Zip60629.Point, 0, 20);
        Load(
        [
            Listing("serves the ZIP", far, s => s.ServiceAreas.Add(new ServiceArea { Name = "60629", PostalCodes = ["60629"] })),
            Listing("serves the area", far, s => s.ServiceAreas.Add(new ServiceArea { Name = "Chicago Lawn", CommunityAreaNumbers = [65] })),
            Listing("serves everyone", far, s => s.ServiceAreas.Add(new ServiceArea { Name = "Illinois" })),
            Listing("serves by shape", far, s => s.ServiceAreas.Add(new ServiceArea { Name = "Southwest side", Extent = Zip60629.Point.Buffer(0.05) })),
            Listing("placed in the area, 7 km out", At(Zip60629.Point, 90, 7), area: 65),
            Listing("serves another ZIP", far, s => s.ServiceAreas.Add(new ServiceArea { Name = "60623", PostalCodes = ["60623"] })),
            Listing("far and placed elsewhere", far, area: 30),
        ]);

        var found = _index.Search(new SearchQuery { Place = Zip60629, AllPages = true }).Hits.Select(h => h.Listing.Service.Name);

        Assert.Equal(["placed in the area, 7 km out", "serves by shape", "serves everyone", "serves the ZIP", "serves the area"], found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Filters_keep_only_listings_with_every_fact_asked_for_with_or_without_words()
    {
        Load(
        [
            Listing("free, spanish, no documents", Loop, s => (s.Cost, s.Languages, s.DocumentsRequired) = (CostKind.Free, ["es"], DocumentsRequired.None)),
            Listing("free, spanish, no photo id", Loop, s => (s.Cost, s.Languages, s.DocumentsRequired) = (CostKind.Free, ["es"], DocumentsRequired.NoPhotoId)),
            Listing("free, spanish, no ssn", Loop, s => (s.Cost, s.Languages, s.DocumentsRequired) = (CostKind.Free, ["es"], DocumentsRequired.NoSsn)),
            Listing("free, spanish, documents unknown", Loop, s => (s.Cost, s.Languages) = (CostKind.Free, ["es"])),
            Listing("free, english, no documents", Loop, s => (s.Cost, s.Languages, s.DocumentsRequired) = (CostKind.Free, ["en"], DocumentsRequired.None)),
            Listing("sliding scale, spanish, no documents", Loop, s => (s.Cost, s.Languages, s.DocumentsRequired) = (CostKind.SlidingScale, ["es"], DocumentsRequired.None)),
        ]);

        foreach (var text in new[] { "", "pantry" })
        {
            var found = _index.Search(new SearchQuery { Text = text, Free = true, Speaks = "es", Documents = "no_photo_id", AllPages = true }).Hits.Select(h => h.Listing.Service.Name);
            Assert.Equal(["free, spanish, no documents", "free, spanish, no photo id"], found.Order(StringComparer.Ordinal));
        }

        Assert.Empty(_index.Search(new SearchQuery { Speaks = "ar" }).Hits);
    }

    [Fact]
    public void A_map_box_with_words_and_filters_keeps_only_what_is_inside()
    {
        var box = new Envelope(-87.72, -87.70, 41.84, 41.85);
        Load(
        [
            Listing("inside, walk-in", Wgs84.CreatePoint(new Coordinate(-87.71, 41.845)), s => s.Access = AccessMode.WalkIn),
            Listing("inside, by appointment", Wgs84.CreatePoint(new Coordinate(-87.71, 41.845)), s => s.Access = AccessMode.Appointment),
            Listing("just west, walk-in", Wgs84.CreatePoint(new Coordinate(-87.7201, 41.845)), s => s.Access = AccessMode.WalkIn),
            Listing("just north, walk-in", Wgs84.CreatePoint(new Coordinate(-87.71, 41.8501)), s => s.Access = AccessMode.WalkIn),
        ]);

        Assert.Equal(["inside, walk-in"], _index.Search(new SearchQuery { Text = "pantry", Box = box, WalkIn = true, AllPages = true }).Hits.Select(h => h.Listing.Service.Name));
        Assert.Equal(["inside, by appointment", "inside, walk-in"], _index.Search(new SearchQuery { Box = box, AllPages = true }).Hits.Select(h => h.Listing.Service.Name));
    }

    [Fact]
    public void A_map_box_replaces_the_radius_around_a_place_which_still_orders_by_distance()
    {
        var box = new Envelope(-87.80, -87.60, 41.60, 41.74); // south of 60629, past the 5 km radius
        Load(
        [
            Listing("in the box, 9 km from 60629", At(Zip60629.Point, 180, 9)),
            Listing("in the box, 12 km from 60629", At(Zip60629.Point, 160, 12)),
            Listing("at 60629, outside the box", Zip60629.Point),
        ]);

        var found = _index.Search(new SearchQuery { Place = Zip60629, Box = box, AllPages = true }).Hits;

        Assert.Equal(["in the box, 9 km from 60629", "in the box, 12 km from 60629"], found.Select(h => h.Listing.Service.Name));
        Assert.All(found, h => Assert.True(h.DistanceKm > 5));
    }

    [Fact]
    public void Every_page_is_the_matching_slice_of_the_whole_ordered_list()
    {
        Load(Enumerable.Range(0, 75).Select(i => Listing($"Pantry {i:00}", At(Loop, i * 17 % 360, i % 9 * 0.4), s => s.Description = i % 3 == 0 ? "comida" : "groceries")));

        foreach (var query in new[] { new SearchQuery { Text = "pantry comida" }, new SearchQuery { Near = Loop }, new SearchQuery { Text = "comida", Near = Loop }, new SearchQuery() })
        {
            var all = _index.Search(query with { AllPages = true }).Hits.Select(h => h.Listing.Service.Name).ToList();
            var paged = Enumerable.Range(1, 4).SelectMany(page => _index.Search(query with { Page = page }).Hits.Select(h => h.Listing.Service.Name)).ToList();
            Assert.Equal(all, paged);
            Assert.Equal(all.Count, all.Distinct().Count());
        }
    }

    [Fact]
    public void A_change_moves_a_listing_in_and_out_of_filters_and_places_and_a_new_listing_is_found()
    {
        var changing = Listing("changing", Loop, s => s.Cost = CostKind.Free);
        Load([changing, Listing("steady", Loop, s => s.Cost = CostKind.Free)]);
        Assert.Equal(2, _index.Search(new SearchQuery { Free = true, Near = Loop }).Total);

        var movedAndNoLongerFree = Listing("changing", At(Loop, 90, 30), s => (s.Id, s.Cost) = (changing.Id, CostKind.Fee));
        _index.Apply([movedAndNoLongerFree, Listing("new and free", Loop, s => s.Cost = CostKind.Free)], 2);

        Assert.Equal(["new and free", "steady"], _index.Search(new SearchQuery { Free = true, Near = Loop, AllPages = true }).Hits.Select(h => h.Listing.Service.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["changing"], _index.Search(new SearchQuery { Near = At(Loop, 90, 30), RadiusKm = 1 }).Hits.Select(h => h.Listing.Service.Name));
    }

    [Fact]
    public void Among_many_listings_a_few_near_a_point_are_found_after_changes_move_them_in_and_out()
    {
        // 300 listings 20-40 km out and 3 at the Loop: the few near it are looked up by ordinal, segment by segment.
        var far = Enumerable.Range(0, 300).Select(i => Listing($"far {i}", At(Loop, i * 1.2, 20 + (i % 20)))).ToList();
        var near = Enumerable.Range(0, 3).Select(i => Listing($"near {i}", At(Loop, i * 120, 0.5))).ToList();
        Load([.. far, .. near]);
        Assert.Equal(["near 0", "near 1", "near 2"], NamesNearTheLoop());

        _index.Apply([Listing("near 1", At(Loop, 0, 30), s => s.Id = near[1].Id), Listing("far 7", At(Loop, 90, 1), s => s.Id = far[7].Id)], 2);
        Assert.Equal(["far 7", "near 0", "near 2"], NamesNearTheLoop());

        _index.Apply([Listing("far 7", At(Loop, 90, 1.5), s => (s.Id, s.Cost) = (far[7].Id, CostKind.Free))], 3);
        Assert.Equal(["far 7", "near 0", "near 2"], NamesNearTheLoop());
        Assert.Equal(["far 7"], _index.Search(new SearchQuery { Text = "pantry", Near = Loop, RadiusKm = 2, Free = true }).Hits.Select(h => h.Listing.Service.Name));

        List<string> NamesNearTheLoop() =>
            [.. _index.Search(new SearchQuery { Text = "pantry", Near = Loop, RadiusKm = 2, AllPages = true }).Hits.Select(h => h.Listing.Service.Name).Order(StringComparer.Ordinal)];
    }

    private void Load(IEnumerable<IndexedListing> listings) =>
        _index.Load(listings, new CategoryVocabulary([Food], _index.Analyzers), new PlaceNames([Zip60629], _index.Analyzers), 1);
}
