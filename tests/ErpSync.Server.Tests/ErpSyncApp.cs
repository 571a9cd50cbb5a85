using System.Net.Http.Headers;
using ErpSync.Engine.Accounts;
using ErpSync.Engine.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ErpSync.Server.Tests;

/// <summary>
/// The whole server in memory on a database of its own: a SQLite file in a fresh temp folder, or a
/// uniquely named PostgreSQL database (created by the migrations, dropped on dispose). Use one per
/// test class through <c>IClassFixture</c> of <see cref="SqliteErpSyncApp"/> or <see cref="PostgresErpSyncApp"/>.
/// </summary>
public class ErpSyncApp(TestDatabase database, bool seedDemoData = false) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string PostgresVariable = "ERPSYNC_TEST_POSTGRES";
    public const string AdminPassword = "admin-pass-1";

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "erpsync-server-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string _postgresDatabase = "erpsync_test_" + Guid.NewGuid().ToString("N");

    public TestDatabase Database => database;

    public T GetService<T>() where T : notnull => Services.GetRequiredService<T>();

    public virtual ValueTask InitializeAsync()
    {
        if (database == TestDatabase.Postgres && string.IsNullOrWhiteSpace(PostgresBase))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL variant of these tests needs {PostgresVariable} set to a base connection string such as " +
                "'Host=127.0.0.1;Port=55432;Username=postgres' (without Database). Start a throwaway PostgreSQL and set it, or run only the *_Sqlite classes.");
        }

        // Starts the host: Program migrates the database and creates the admin account.
        _ = Server;
        return ValueTask.CompletedTask;
    }

    /// <summary>A client without credentials that does not follow redirects.</summary>
    public HttpClient CreateAnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client authenticated as the built-in administrator through a fresh personal API token.</summary>
    public async Task<HttpClient> CreateAdminClientAsync()
    {
        var admin = (await GetService<AccountAdmin>().ListUsersAsync(CancellationToken.None)).Single(u => u.UserName == DatabaseInitializer.AdminUserName);
        return await CreateClientForAsync(admin.Id);
    }

    /// <summary>Creates a user (role User unless asked otherwise) and returns it with a client authenticated by its own token.</summary>
    public async Task<(UserSummary User, HttpClient Client)> CreateUserClientAsync(string? userName = null, UserRole role = UserRole.User)
    {
        userName ??= "user" + Guid.NewGuid().ToString("N")[..8];
        var user = await GetService<AccountAdmin>().SaveUserAsync(null, new UserInput(userName, userName, null, role, true, null, [], "user-pass-1"), CancellationToken.None);
        return (user, await CreateClientForAsync(user.Id));
    }

    /// <summary>A client that sends a new API token of this user.</summary>
    public async Task<HttpClient> CreateClientForAsync(int userId)
    {
        var token = await GetService<AccountAdmin>().CreateTokenAsync(userId, "test " + Guid.NewGuid().ToString("N")[..6], 1, CancellationToken.None);
        return CreateClientWithToken(token.Token);
    }

    public HttpClient CreateClientWithToken(string token)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ErpSync:DataDirectory", _dataDirectory);
        builder.UseSetting("ErpSync:AdminPassword", AdminPassword);
        builder.UseSetting("ErpSync:SeedDemoData", seedDemoData ? "true" : "false");
        if (database == TestDatabase.Postgres)
        {
            builder.UseSetting("ErpSync:DatabaseProvider", "Postgres");
            builder.UseSetting("ErpSync:ConnectionString", $"{PostgresBase};Database={_postgresDatabase}");
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (database == TestDatabase.Postgres && !string.IsNullOrWhiteSpace(PostgresBase))
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection($"{PostgresBase};Database=postgres");
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{_postgresDatabase}" WITH (FORCE)""", connection);
            await drop.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static string? PostgresBase => Environment.GetEnvironmentVariable(PostgresVariable)?.Trim().TrimEnd(';');
}

/// <summary>An <see cref="ErpSyncApp"/> on its own SQLite file.</summary>
public sealed class SqliteErpSyncApp() : ErpSyncApp(TestDatabase.Sqlite);

/// <summary>An <see cref="ErpSyncApp"/> on its own PostgreSQL database; fails when ERPSYNC_TEST_POSTGRES is not set.</summary>
public sealed class PostgresErpSyncApp() : ErpSyncApp(TestDatabase.Postgres);
