namespace AidDirectory.Web.Tests.Infrastructure;

/// <summary>The PostgreSQL twin of <see cref="SqliteResidentSite"/>.</summary>
[CollectionDefinition]
public sealed class PostgresResidentSite : ICollectionFixture<PostgresDirectoryApp>;
