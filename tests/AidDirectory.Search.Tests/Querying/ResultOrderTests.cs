using AidDirectory.Search.Querying;
using NetTopologySuite.Geometries;
using static AidDirectory.Search.Tests.Infrastructure.TestListings;

namespace AidDirectory.Search.Tests.Querying;

public sealed class ResultOrderTests
{
    private static readonly Point Loop = Wgs84.CreatePoint(new Coordinate(-87.63, 41.88));

    [Fact]
    public void Near_a_place_nearest_kilometre_first_then_best_match_then_nearest_then_name()
    {
        var candidates = new List<Candidate>
        {
            Candidate("best match, 1.1 km", 9f, 1.1),
            Candidate("weak match, 0.4 km, b", 1f, 0.4),
            Candidate("weak match, 0.4 km, a", 1f, 0.4),
            Candidate("weak match, 0.2 km", 1f, 0.2),
            Candidate("strong match, 0.9 km", 5f, 0.9),
            Candidate("best match, no distance", 9f, null),
        };

        candidates.Sort(ResultOrder.For(nearAPlace: true, byWords: true));

        Assert.Equal(
            ["strong match, 0.9 km", "weak match, 0.2 km", "weak match, 0.4 km, a", "weak match, 0.4 km, b", "best match, 1.1 km", "best match, no distance"],
            candidates.Select(c => c.Listing.Service.Name));
    }

    [Fact]
    public void By_words_alone_best_match_first_then_name_then_id()
    {
        var twins = new[] { Candidate("twin", 1f, null), Candidate("twin", 1f, null) }.OrderByDescending(c => c.Listing.Id).ToList();
        var candidates = new List<Candidate> { Candidate("a weak", 1f, null), twins[0], Candidate("strong", 3f, null), twins[1] };

        candidates.Sort(ResultOrder.For(nearAPlace: false, byWords: true));

        Assert.Equal(["strong", "a weak", "twin", "twin"], candidates.Select(c => c.Listing.Service.Name));
        Assert.Equal(twins.Select(c => c.Listing.Id).Order(), candidates.Skip(2).Select(c => c.Listing.Id));
    }

    [Fact]
    public void Without_words_or_a_place_the_score_does_not_count_and_names_go_in_order()
    {
        var candidates = new List<Candidate> { Candidate("alpha", 5f, null), Candidate("Bravo", 9f, null), Candidate("Alpha", 1f, null) };

        candidates.Sort(ResultOrder.For(nearAPlace: false, byWords: false));

        Assert.Equal(["Alpha", "Bravo", "alpha"], candidates.Select(c => c.Listing.Service.Name));
    }

    private static Candidate Candidate(string name, float score, double? distanceKm) => new(Listing(name, Loop), score, distanceKm);
}
