using AidDirectory.Core.Accounts;
using AidDirectory.Core.Audit;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Moderation;
using AidDirectory.Core.Places;
using AidDirectory.Core.Schedules;
using AidDirectory.Core.Sources;
using AidDirectory.Core.Taxonomy;
using AidDirectory.Core.Translations;
using AidDirectory.Data.Accounts;
using AidDirectory.Data.Conventions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace AidDirectory.Data;

/// <summary>
/// The system of record. One model for both providers; each provider has a subclass that adds its
/// geometry mapping and names its own migrations assembly. Accounts (ASP.NET Core Identity) live here too,
/// so a moderator's decision, its audit entry and the published change share one transaction.
/// </summary>
public abstract class DirectoryDbContext(DbContextOptions options) : IdentityDbContext<DirectoryUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>The key ring that protects sign-in cookies and form tokens, shared by every web process.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<ServiceAtLocation> ServiceAtLocations => Set<ServiceAtLocation>();
    public DbSet<Phone> Phones => Set<Phone>();
    public DbSet<ServiceArea> ServiceAreas => Set<ServiceArea>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Schedule> Schedules => Set<Schedule>();
    public DbSet<TaxonomyTerm> TaxonomyTerms => Set<TaxonomyTerm>();
    public DbSet<CommunityArea> CommunityAreas => Set<CommunityArea>();
    public DbSet<ZipCode> ZipCodes => Set<ZipCode>();
    public DbSet<DataSource> DataSources => Set<DataSource>();
    public DbSet<PublishCounter> PublishCounters => Set<PublishCounter>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OrganizationMember> OrganizationMembers => Set<OrganizationMember>();
    public DbSet<Notification> Notifications => Set<Notification>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(DirectoryDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Instant>().HaveConversion<InstantAsUtcDateTime>();
        configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateAsDateOnly>();
        configurationBuilder.Properties<LocalTime>().HaveConversion<LocalTimeAsTimeOnly>();
        configurationBuilder.Properties<LocalizedText>().HaveConversion<LocalizedTextConverter, LocalizedTextComparer>();
        configurationBuilder.Properties<List<string>>().HaveConversion<JsonConverter<List<string>>, JsonComparer<List<string>>>();
        configurationBuilder.Properties<List<int>>().HaveConversion<JsonConverter<List<int>>, JsonComparer<List<int>>>();
        // Enums are stored by name so the data stays readable and a reordered enum cannot change meaning.
        configurationBuilder.Properties<ServiceStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<CostKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DocumentsRequired>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<AccessMode>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<LegalProvider>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<LocationVisibility>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ScheduleKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<IsoDayOfWeek>().HaveConversion<string>().HaveMaxLength(16);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var touched = RaiseVersions();
        if (touched.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The counter, the listings and whatever else changed are written in one transaction.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            var sequence = (await Database.SqlQueryRaw<long>(NextSequenceSql).ToListAsync(cancellationToken)).Single();
            Stamp(touched.Tracked, sequence);
            var rows = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (touched.NeedsQuery)
            {
                await Restamp(touched).ExecuteUpdateAsync(u => u.SetProperty(s => s.PublishSequence, sequence), cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return rows;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var touched = RaiseVersions();
        if (touched.IsEmpty)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var sequence = Database.SqlQueryRaw<long>(NextSequenceSql).ToList().Single();
        Stamp(touched.Tracked, sequence);
        var rows = base.SaveChanges(acceptAllChangesOnSuccess);
        if (touched.NeedsQuery)
        {
            Restamp(touched).ExecuteUpdate(u => u.SetProperty(s => s.PublishSequence, sequence));
        }

        own?.Commit();
        return rows;
    }

    // Listings whose change was made without loading them: a phone or an hour edited on its own, a place
    // shared by several services, a renamed organization.
    private IQueryable<Service> Restamp(Touched touched) => Services.Where(s =>
        touched.OtherServices.Contains(s.Id)
        || touched.Organizations.Contains(s.OrganizationId)
        || s.ServiceAtLocations.Any(sal => touched.Locations.Contains(sal.LocationId)));

    private sealed record Touched(List<Service> Tracked, List<Guid> OtherServices, List<Guid> Organizations, List<Guid> Locations)
    {
        public bool NeedsQuery => OtherServices.Count > 0 || Organizations.Count > 0 || Locations.Count > 0;

        public bool IsEmpty => Tracked.Count == 0 && !NeedsQuery;
    }

    // Both SQLite (3.35+) and PostgreSQL return the updated value; the UPDATE holds the row until commit.
    private const string NextSequenceSql = "UPDATE \"PublishCounters\" SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = 1 RETURNING \"Value\" AS \"Value\"";

    private static void Stamp(IReadOnlyCollection<Service> changed, long sequence)
    {
        foreach (var service in changed)
        {
            service.PublishSequence = sequence;
        }
    }

    // The version is application-managed because SQLite cannot generate row versions. EF compares the
    // original value in the UPDATE's WHERE clause, so a write based on an older read affects no row.
    // A service's phones, hours, categories and place are part of it: changing any of them raises the
    // service's version too, so two edits of its hours cannot both win. A page that posts back the version
    // its form was built from sets Version to it; that posted value, not the one just read, is checked.
    /// <summary>Entities added, changed or deleted in this unit of work.</summary>
    internal IEnumerable<object> ChangedParts() => ChangeTracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
        .Select(e => e.Entity);

    /// <summary>The service a part belongs to (its phones, hours, areas, contacts, place link, categories), or empty.</summary>
    internal static Guid OwningService(object part) => part switch
    {
        Phone p => p.ServiceId,
        ServiceArea a => a.ServiceId,
        Contact c => c.ServiceId,
        Schedule s => s.ServiceId,
        ServiceAtLocation sal => sal.ServiceId,
        Dictionary<string, object> join when join.TryGetValue("ServiceId", out var id) && id is Guid g => g,
        _ => Guid.Empty,
    };

    private Touched RaiseVersions()
    {
        ChangeTracker.DetectChanges();
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only: an entry cannot be changed or deleted.");
        }

        var changedServices = ChangedParts().Select(OwningService).Where(id => id != Guid.Empty).ToHashSet();
        var stamped = ChangeTracker.Entries<Service>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified || changedServices.Contains(e.Entity.Id))
            .Select(e => e.Entity)
            .ToList();
        foreach (var entry in ChangeTracker.Entries<IVersioned>().ToList())
        {
            var ownsChange = entry.Entity is Service service && changedServices.Contains(service.Id);
            if (entry.State != EntityState.Modified && !(entry.State == EntityState.Unchanged && ownsChange))
            {
                continue;
            }

            var version = entry.Property<int>(nameof(IVersioned.Version));
            if (version.CurrentValue != version.OriginalValue)
            {
                version.OriginalValue = version.CurrentValue;
            }

            version.CurrentValue = version.OriginalValue + 1;
        }

        var organizations = ChangeTracker.Entries<Organization>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList();
        var locations = ChangeTracker.Entries<Location>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList();
        var tracked = stamped.Select(s => s.Id).ToHashSet();
        return new Touched(stamped, changedServices.Where(id => !tracked.Contains(id)).ToList(), organizations, locations);
    }
}
