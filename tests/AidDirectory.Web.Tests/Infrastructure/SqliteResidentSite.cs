namespace AidDirectory.Web.Tests.Infrastructure;

/// <summary>
/// One site per database for the classes that test what residents see, page by page: a fixture per class
/// would seed the sample data, and start a PostgreSQL server, once for each of them. Classes in a collection
/// run one after another; each test creates the data it reads, so none depends on another's.
/// </summary>
[CollectionDefinition]
public sealed class SqliteResidentSite : ICollectionFixture<SqliteDirectoryApp>;
