using System.Text.Json;
using System.Text.Json.Nodes;

namespace ErpSync.Cli;

/// <summary>
/// What the commands need from ErpSync, in the shapes of the server's API: implemented by <see cref="ApiBackend"/> (a
/// running server, with an API token) and by <see cref="DirectBackend"/> (the engine in this process, on the database).
/// Failures surface as <see cref="CliException"/> with the exit code to use.
/// </summary>
internal interface IErpSyncBackend : IAsyncDisposable
{
    Task<List<ConnectionRow>> ConnectionsAsync(CancellationToken ct);

    Task<List<ConnectionStatusDto>> StatusesAsync(CancellationToken ct);

    Task<TestResultDto> TestAsync(int connectionId, CancellationToken ct);

    /// <summary>Syncs a connection now; null when only queued (API mode without --wait).</summary>
    Task<RunDto?> SyncAsync(int connectionId, RunWait wait, Output output, CancellationToken ct);

    /// <summary>A forced one-way resync; null when only queued (API mode without --wait).</summary>
    Task<RunDto?> ResyncAsync(int connectionId, ResyncBody body, RunWait wait, Output output, CancellationToken ct);

    /// <summary>The connection's configuration file (JSON, without secrets), as the server's export writes it.</summary>
    Task<byte[]> ExportConfigAsync(int connectionId, CancellationToken ct);

    Task<CreatedConnectionDto> ImportConfigAsync(JsonElement document, string? name, Dictionary<string, string?> secrets, CancellationToken ct);

    Task<Page<LogRowDto>> LogAsync(int? connectionId, int take, CancellationToken ct);

    /// <summary>The dry run of an import request (the JSON of the engine's ImportRequest): counts and the first <paramref name="take"/> rows.</summary>
    Task<ImportPreviewDto> PreviewImportAsync(JsonObject request, int take, CancellationToken ct);

    /// <summary>Queues an import; in direct mode this process also runs it (see <see cref="DirectBackend"/>).</summary>
    Task<ImportJobDto> StartImportAsync(JsonObject request, CancellationToken ct);

    Task<ImportJobDto> ImportJobAsync(int jobId, CancellationToken ct);

    Task<ImportJobDto> CancelImportAsync(int jobId, CancellationToken ct);

    Task<ImportResultPageDto> ImportRowsAsync(int jobId, string outcome, int skip, int take, CancellationToken ct);
}

/// <summary>Whether to wait for a queued run, and for how long.</summary>
internal sealed record RunWait(bool Wait, TimeSpan Timeout);

/// <summary>The body of a resync request as the API takes it (ResyncSource and CrmEntity by name).</summary>
internal sealed record ResyncBody(string From, bool NoBlankOverwrite, string? Entity, int[]? RecordIds);
