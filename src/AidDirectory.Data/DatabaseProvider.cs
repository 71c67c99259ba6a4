namespace AidDirectory.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
