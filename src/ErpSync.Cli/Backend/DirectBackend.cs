using Microsoft.AspNetCore.DataProtection;
using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ErpSync.Connectors;
using ErpSync.Connectors.DemoErp;
using ErpSync.Connectors.Tryton;
using ErpSync.Engine;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Import;
using ErpSync.Engine.Resync;
using ErpSync.Engine.Sync;
using ErpSync.Engine.Transfer;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSync.Cli;

/// <summary>
/// The engine in this process, on the server's database (docs/adr/0010-cli-direct-database-mode.md): the same services
/// and built-in connectors the server registers, and the same Data Protection application name, so the key ring in
/// the database decrypts the connections' secrets. No scheduler and no background workers: a sync or resync runs here
/// and now (under the engine's per-connection lock), and an import started here is run by this process while it waits.
/// Results go through the API's JSON shapes, so output is the same in both modes.
/// </summary>
internal sealed class DirectBackend : IErpSyncBackend
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    // As the server writes export files (Features/Mapping/ExportJson.cs): indented, camelCase, enums by name.
    private static readonly JsonSerializerOptions ExportJson = new(Json) { WriteIndented = true };
    private readonly ServiceProvider _services;
    private readonly List<Task> _imports = [];

    private DirectBackend(ServiceProvider services) => _services = services;

    public static DirectBackend Create(DatabaseTarget target)
    {
        var options = new ErpSyncOptions
        {
            DatabaseProvider = target.Postgres ? "Postgres" : "Sqlite",
            ConnectionString = target.ConnectionString,
            DataDirectory = target.DataDirectory,
            SeedDemoData = false,
        };
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddErpSyncEngine(options);

        // The key ring belongs to the server: a CLI that cannot use it must fail, never add a key of its own to it.
        services.AddDataProtection().DisableAutomaticKeyGeneration();

        // The server's built-in connectors (src/ErpSync.Server/Hosting/BuiltInConnectors.cs); remote ones resolve as there.
        services.AddSingleton<ISyncConnector, DemoErpConnector>().AddSingleton<ISyncConnector, TrytonConnector>();
        return new DirectBackend(services.BuildServiceProvider());
    }

    private T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public Task<List<ConnectionRow>> ConnectionsAsync(CancellationToken ct) =>
        CallAsync(async () => As<List<ConnectionRow>>(await Get<ConnectionAdmin>().ListAsync(false, ct)));

    public Task<List<ConnectionStatusDto>> StatusesAsync(CancellationToken ct) =>
        CallAsync(async () => As<List<ConnectionStatusDto>>(await Get<SyncMonitor>().ConnectionStatusesAsync(ct)));

    public Task<TestResultDto> TestAsync(int connectionId, CancellationToken ct) => CallAsync(async () =>
    {
        var admin = Get<ConnectionAdmin>();
        var details = await admin.GetAsync(connectionId, ct);
        return As<TestResultDto>(await admin.TestAsync(new ConnectionTestInput(details.ConnectorId, connectionId, details.Values), ct));
    });

    public Task<RunDto?> SyncAsync(int connectionId, RunWait wait, Output output, CancellationToken ct) => CallAsync(async () =>
    {
        Output.Error($"Syncing connection {connectionId} in this process…");
        return await RunAsync(connectionId, await Get<SyncEngine>().SyncConnectionAsync(connectionId, SyncRunKind.Manual, ct), ct);
    });

    public Task<RunDto?> ResyncAsync(int connectionId, ResyncBody body, RunWait wait, Output output, CancellationToken ct) => CallAsync(async () =>
    {
        var request = JsonSerializer.Deserialize<ResyncRequest>(JsonSerializer.Serialize(body, Json), Json)!;
        Output.Error($"Resyncing connection {connectionId} in this process…");
        return await RunAsync(connectionId, await Get<SyncEngine>().ResyncConnectionAsync(connectionId, request, ct), ct);
    });

    public Task<byte[]> ExportConfigAsync(int connectionId, CancellationToken ct) => CallAsync(async () =>
        JsonSerializer.SerializeToUtf8Bytes(await Get<ConnectionTransfer>().ExportAsync(connectionId, ct), ExportJson));

    public Task<CreatedConnectionDto> ImportConfigAsync(JsonElement document, string? name, Dictionary<string, string?> secrets, CancellationToken ct) => CallAsync(async () =>
    {
        var export = document.Deserialize<ConnectionExport>(Json) ?? throw new CliException(ExitCodes.Failed, "The file holds no connection.");
        return As<CreatedConnectionDto>(await Get<ConnectionTransfer>().ImportAsync(new ConnectionImportRequest(export, name, secrets), ct));
    });

    public Task<Page<LogRowDto>> LogAsync(int? connectionId, int take, CancellationToken ct) =>
        CallAsync(async () => As<Page<LogRowDto>>(await Get<SyncMonitor>().ListLogAsync(new LogQuery(connectionId, Take: take), ct)));

    public Task<ImportPreviewDto> PreviewImportAsync(JsonObject request, int take, CancellationToken ct) =>
        CallAsync(async () => As<ImportPreviewDto>(await Get<ImportAdmin>().PreviewAsync(Request(request), 0, take, ct)));

    public Task<ImportJobDto> StartImportAsync(JsonObject request, CancellationToken ct) => CallAsync(async () =>
    {
        var imports = Get<ImportAdmin>();
        var job = await imports.StartAsync(Request(request), null, ct);

        // No ImportWorker here: run the job in this process. Not tied to ct, so Ctrl+C asks it to stop (CancelImportAsync)
        // after the current page instead of abandoning it half-way; DisposeAsync waits for it.
        _imports.Add(Task.Run(() => imports.RunAsync(job.Id, CancellationToken.None), CancellationToken.None));
        return As<ImportJobDto>(job);
    });

    public Task<ImportJobDto> ImportJobAsync(int jobId, CancellationToken ct) => CallAsync(async () =>
    {
        var job = await Get<ImportAdmin>().GetAsync(jobId, ct);
        if (_imports.FirstOrDefault(t => t.IsFaulted) is { } failed)
        {
            throw new CliException(ExitCodes.Failed, $"The import stopped: {failed.Exception!.GetBaseException().Message}");
        }

        return As<ImportJobDto>(job);
    });

    public Task<ImportJobDto> CancelImportAsync(int jobId, CancellationToken ct) => CallAsync(async () => As<ImportJobDto>(await Get<ImportAdmin>().CancelAsync(jobId, ct)));

    public Task<ImportResultPageDto> ImportRowsAsync(int jobId, string outcome, int skip, int take, CancellationToken ct) =>
        CallAsync(async () => As<ImportResultPageDto>(await Get<ImportAdmin>().ResultAsync(jobId, Enum.Parse<ImportRowOutcome>(outcome), skip, take, ct)));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.WhenAll(_imports);
        }
        catch (Exception ex)
        {
            Output.Error($"The import stopped: {ex.GetBaseException().Message}");
        }

        await _services.DisposeAsync();
    }

    private async Task<RunDto?> RunAsync(int connectionId, SyncRunSummary summary, CancellationToken ct)
    {
        if (summary.RunId is not { } runId)
        {
            throw new CliException(ExitCodes.Failed, summary.Message ?? "The run did not start.");
        }

        var runs = await Get<SyncMonitor>().ListRunsAsync(new RunQuery(connectionId, 0, 50), ct);
        return As<RunDto>(runs.Items.First(r => r.Id == runId));
    }

    private static ImportRequest Request(JsonObject request)
    {
        try
        {
            return request.Deserialize<ImportRequest>(Json) ?? throw new CliException(ExitCodes.Usage, "Empty import request.");
        }
        catch (JsonException ex)
        {
            throw new CliException(ExitCodes.Usage, $"The import request is not valid: {ex.Message}");
        }
    }

    /// <summary>An engine result in the API's shape: serialized as the server would, read back as the CLI's DTO.</summary>
    private static T As<T>(object value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, value.GetType(), Json), CliJson.Options)!;

    /// <summary>Maps the engine's refusals onto exit code 1 and database trouble onto 3, as the API client does for HTTP.</summary>
    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (UserErrorException ex)
        {
            var fields = ex.FieldErrors.SelectMany(f => f.Value.Select(m => $"{f.Key}: {m}"));
            throw new CliException(ExitCodes.Failed, string.Join(" ", new[] { ex.Message }.Concat(fields).Distinct()));
        }
        catch (ConnectorException ex)
        {
            throw new CliException(ExitCodes.Failed, ex.Message);
        }
        catch (DbException ex)
        {
            throw new CliException(ExitCodes.AuthOrConnection, $"Database problem: {ex.Message}");
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            // The key ring in the database does not open here, e.g. the server protects it with a certificate.
            throw new CliException(ExitCodes.AuthOrConnection, $"Cannot decrypt the connection's secrets with the key ring in the database: {ex.Message}");
        }
    }
}
