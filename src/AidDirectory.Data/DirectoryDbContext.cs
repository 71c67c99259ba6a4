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
/// What happens on every save (versions, the append-only audit log, the publish sequence) is
/// <see cref="Publishing.ListingPublishing"/>, registered with the options.
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
    public DbSet<ReportKey> ReportKeys => Set<ReportKey>();
    public DbSet<SpentReportToken> SpentReportTokens => Set<SpentReportToken>();
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
}
