namespace ErpSync.Server.Tests;

/// <summary>The database an <see cref="ErpSyncApp"/> runs on.</summary>
public enum TestDatabase
{
    Sqlite,

    /// <summary>Needs <c>ERPSYNC_TEST_POSTGRES</c>, a base connection string without a database name.</summary>
    Postgres,
}
