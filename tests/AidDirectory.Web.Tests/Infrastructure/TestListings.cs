using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Schedules;
using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NodaTime;
using Location = AidDirectory.Core.Locations.Location;

namespace AidDirectory.Web.Tests.Infrastructure;

/// <summary>Builds a complete listing with valid defaults; each test changes what it is about.</summary>
internal sealed class TestListing
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public Service Service { get; }
    public Location Location { get; }

    public TestListing(string name)
    {
        var key = $"test-{Guid.NewGuid():N}";
        var organization = new Organization { Id = StableId.For("organization", key), Name = "Test Mutual Aid Network" };
        Location = new Location
        {
            Id = StableId.For("location", key),
            Name = "Casa Test",
            Address1 = "2700 S Millard Ave",
            City = "Chicago",
            StateProvince = "IL",
            PostalCode = "60623",
            Point = Wgs84.CreatePoint(new Coordinate(-87.718123, 41.842987)),
            CommunityAreaNumber = 30,
            WheelchairAccessible = true,
        };
        Service = new Service
        {
            Id = StableId.For("service", key),
            ExternalId = key,
            Organization = organization,
            OrganizationId = organization.Id,
            Name = name,
            Description = "Free groceries every week, no questions asked.",
            SourceKey = "immigrant-rights",
            Cost = CostKind.Free,
            DocumentsRequired = DocumentsRequired.NoSsn,
            AsksImmigrationStatus = false,
            Access = AccessMode.WalkIn,
            Languages = ["es", "pl"],
        };
        Service.Phones.Add(new Phone { Id = Guid.NewGuid(), ServiceId = Service.Id, Number = "+13125550123" });
        Service.ServiceAtLocations.Add(new ServiceAtLocation { Id = Guid.NewGuid(), ServiceId = Service.Id, LocationId = Location.Id, Location = Location });
    }

    public TestListing OpenOn(IsoDayOfWeek day, int opens, int closes)
    {
        var row = Schedule.WeeklyOn(day, new LocalTime(opens, 0), new LocalTime(closes, 0));
        row.Id = Guid.NewGuid();
        row.ServiceId = Service.Id;
        Service.Schedules.Add(row);
        return this;
    }

    public TestListing WithVisibility(LocationVisibility visibility)
    {
        Location.Visibility = visibility;
        return this;
    }

    public TestListing InCategory(DirectoryDbContext db, string code)
    {
        Service.Categories.Add(db.TaxonomyTerms.Single(t => t.Code == code));
        return this;
    }

    /// <summary>
    /// Moves the real place about 70 m, staying inside the same ~500 m cell an Approximate location is
    /// snapped to: nothing residents see may change.
    /// </summary>
    public Task MoveWithinItsCellAsync(DirectoryApp app) => app.WithDatabaseAsync(async db =>
    {
        var location = await db.Locations.SingleAsync(l => l.Id == Location.Id, TestContext.Current.CancellationToken);
        location.Point = Wgs84.CreatePoint(new Coordinate(-87.7175, 41.8425));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return location.Id;
    });

    public async Task<Guid> SaveAsync(DirectoryDbContext db)
    {
        db.Services.Add(Service);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return Service.Id;
    }
}
