using ErpSync.Connectors.DemoErp;
using ErpSync.Engine.Connectors.Remote;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ErpSync.Connectors.Hosting.Tests;

/// <summary>
/// The demo ERP on its own temporary database, in process and behind a remote host, so every test can ask both
/// the same question. One per test class.
/// </summary>
public sealed class DemoErpRemote : IAsyncLifetime
{
    public const string Secret = "round-trip-secret";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "erpsync-hosting-tests", Guid.NewGuid().ToString("N"));
    private RemoteHost? _host;

    public DemoErpRemote() => InProcess = new DemoErpConnector(Time);

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public DemoErpConnector InProcess { get; }

    public RemoteConnector Remote { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = Timeout.InfiniteTimeSpan };

    public Uri BaseUrl => _host!.BaseUrl;

    public ConnectorContext Context(string password = "demo-erp", string culture = "en") =>
        new(Guid.Parse("0b4f2a34-7c1e-4d6f-9a53-1f0e7a6c2b11"), new ConfigValues(new Dictionary<string, FieldValue?>
        {
            ["DatabaseFile"] = FieldValue.Text(Path.Combine(_folder, "demo-erp.db")),
            ["Administration"] = FieldValue.List("NL01"),
            ["UserName"] = FieldValue.Text("demo"),
            ["Password"] = FieldValue.Text(password),
            ["LatencyMs"] = FieldValue.Integer(0),
        }), culture);

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _host = await RemoteHost.StartAsync(InProcess, Secret);
        Remote = (await RemoteConnector.ConnectAsync(Http, new RemoteEndpoint(BaseUrl, Secret, TimeSpan.FromSeconds(30)), TimeProvider.System, CancellationToken.None))
            .GetValueOrThrow();
    }

    public async ValueTask DisposeAsync()
    {
        await _host!.DisposeAsync();
        Http.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold the file; the temp folder is cleaned later.
        }
    }
}
