using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace ErpSync.Cli;

/// <summary>A running server's REST API with a personal API token.</summary>
internal sealed class ApiBackend(ApiClient api) : IErpSyncBackend
{
    public Task<List<ConnectionRow>> ConnectionsAsync(CancellationToken ct) => api.GetAsync<List<ConnectionRow>>("api/connections", ct);

    public Task<List<ConnectionStatusDto>> StatusesAsync(CancellationToken ct) => api.GetAsync<List<ConnectionStatusDto>>("api/sync/status", ct);

    public async Task<TestResultDto> TestAsync(int connectionId, CancellationToken ct)
    {
        var details = await api.GetAsync<ConnectionDetailsDto>($"api/connections/{connectionId}", ct);
        return await api.PostAsync<TestResultDto>("api/connections/test", new { connectorId = details.ConnectorId, connectionId, values = details.Values }, ct);
    }

    public async Task<RunDto?> SyncAsync(int connectionId, RunWait wait, Output output, CancellationToken ct)
    {
        var before = await LatestRunIdAsync(connectionId, ct);
        await api.PostAsync($"api/connections/{connectionId}/sync", null, ct);
        return wait.Wait ? await WaitAsync(output, connectionId, before, "Manual", wait.Timeout, ct) : null;
    }

    public async Task<RunDto?> ResyncAsync(int connectionId, ResyncBody body, RunWait wait, Output output, CancellationToken ct)
    {
        var before = await LatestRunIdAsync(connectionId, ct);
        await api.PostAsync($"api/connections/{connectionId}/resync", body, ct);
        return wait.Wait ? await WaitAsync(output, connectionId, before, "Resync", wait.Timeout, ct) : null;
    }

    public Task<byte[]> ExportConfigAsync(int connectionId, CancellationToken ct) => api.GetBytesAsync($"api/connections/{connectionId}/export", ct);

    public Task<CreatedConnectionDto> ImportConfigAsync(JsonElement document, string? name, Dictionary<string, string?> secrets, CancellationToken ct) =>
        api.PostAsync<CreatedConnectionDto>("api/connections/import", new { document, name, secrets }, ct);

    public Task<Page<LogRowDto>> LogAsync(int? connectionId, int take, CancellationToken ct) =>
        api.GetAsync<Page<LogRowDto>>($"api/sync/log?take={take}{(connectionId is { } c ? $"&connectionId={c}" : "")}", ct);

    public Task<ImportPreviewDto> PreviewImportAsync(JsonObject request, int take, CancellationToken ct) =>
        api.PostAsync<ImportPreviewDto>($"api/import/preview?take={take}", request, ct);

    public Task<ImportJobDto> StartImportAsync(JsonObject request, CancellationToken ct) => api.PostAsync<ImportJobDto>("api/import/jobs", request, ct);

    public Task<ImportJobDto> ImportJobAsync(int jobId, CancellationToken ct) => api.GetAsync<ImportJobDto>($"api/import/jobs/{jobId}", ct);

    public Task<ImportJobDto> CancelImportAsync(int jobId, CancellationToken ct) => api.PostAsync<ImportJobDto>($"api/import/jobs/{jobId}/cancel", null, ct);

    public Task<ImportResultPageDto> ImportRowsAsync(int jobId, string outcome, int skip, int take, CancellationToken ct) =>
        api.GetAsync<ImportResultPageDto>($"api/import/jobs/{jobId}/rows?outcome={outcome}&skip={skip}&take={take}", ct);

    public ValueTask DisposeAsync()
    {
        api.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<int> LatestRunIdAsync(int connectionId, CancellationToken ct) =>
        (await api.GetAsync<Page<RunDto>>($"api/sync/runs?connectionId={connectionId}&take=1", ct)).Items.FirstOrDefault()?.Id ?? 0;

    /// <summary>Polls the runs of the connection until the first run of <paramref name="kind"/> after <paramref name="before"/> has finished.</summary>
    private async Task<RunDto> WaitAsync(Output output, int connectionId, int before, string kind, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        async Task<RunDto?> PollAsync() =>
            (await api.GetAsync<Page<RunDto>>($"api/sync/runs?connectionId={connectionId}&take=50", ct)).Items.Where(r => r.Id > before && r.Kind == kind).MinBy(r => r.Id);

        string Describe(RunDto? run) => run is null
            ? "Queued, waiting for a worker…"
            : $"Run {run.Id} {run.Status}: CRM writes {run.CrmWrites}, ERP writes {run.ErpWrites}, issues {run.IssuesRaised}";

        RunDto? current = null;
        if (Output.Interactive && !output.Json)
        {
            await AnsiConsole.Status().StartAsync(Describe(null), async context =>
            {
                while ((current = await PollAsync()) is null or { IsRunning: true })
                {
                    context.Status(Markup.Escape(Describe(current)));
                    await DelayAsync();
                }
            });
            return current!;
        }

        string? said = null;
        while ((current = await PollAsync()) is null or { IsRunning: true })
        {
            var line = Describe(current);
            if (line != said && !output.Json)
            {
                // Plain progress lines on standard error when redirected, so standard output holds only the result.
                Output.Error(line);
                said = line;
            }

            await DelayAsync();
        }

        return current;

        async Task DelayAsync()
        {
            if (clock.Elapsed > timeout)
            {
                throw new CliException(ExitCodes.Failed, $"Gave up waiting after {timeout.TotalSeconds:0} s; the run goes on on the server.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
    }
}
