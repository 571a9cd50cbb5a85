using ErpSync.Connectors.DemoErp;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ErpSync.Connectors.DemoErp.Tests;

/// <summary>A connector on its own temporary database file, with a fake clock.</summary>
internal sealed class DemoErpSandbox : IDisposable
{
    public DemoErpSandbox()
    {
        Folder = Path.Combine(Path.GetTempPath(), "erpsync-demoerp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "demo-erp.db");
        Connector = new DemoErpConnector(Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public string Folder { get; }

    public string FilePath { get; }

    public DemoErpConnector Connector { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ConnectorContext Context(string administration = "NL01", string password = "demo-erp", string culture = "en", string? file = null) =>
        new(Guid.NewGuid(), new ConfigValues(new Dictionary<string, FieldValue?>
        {
            ["DatabaseFile"] = FieldValue.Text(file ?? FilePath),
            ["Administration"] = FieldValue.List(administration),
            ["UserName"] = FieldValue.Text("demo"),
            ["Password"] = FieldValue.Text(password),
            ["LatencyMs"] = FieldValue.Integer(0),
        }), culture);

    public Task<DemoErpDatabase> DatabaseAsync() => DemoErpDatabase.OpenAsync(FilePath, Time, Ct);

    public async Task<ChangePage> ReadAsync(ActorType type, string? cursor, int pageSize = 500) =>
        (await Connector.ReadChangesAsync(Context(), new ReadChangesRequest(type, cursor, [], pageSize), Ct)).GetValueOrThrow();

    public async Task<List<ChangePage>> ReadAllPagesAsync(ActorType type, string? cursor, int pageSize)
    {
        var pages = new List<ChangePage>();
        ChangePage page;
        do
        {
            page = await ReadAsync(type, cursor, pageSize);
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (page.HasMore);
        return pages;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection of a parallel test may still hold the file; the temp folder is cleaned later.
        }
    }
}
