using System.Text;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Sync;
using ErpSync.Server.Security;

namespace ErpSync.Server.Hosting;

/// <summary>Run history, per-connection sync state, the field-change log (JSON and CSV) and sync issues with retry and resolve.</summary>
internal static class SyncMonitorApi
{
    public static WebApplication MapSyncMonitorApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/sync").RequireAuthorization(ErpSyncClaims.AdminPolicy).WithTags("Sync monitor");
        api.MapGet("/runs", (int? connectionId, int? skip, int? take, Engine.Sync.SyncMonitor monitor, CancellationToken ct) =>
                monitor.ListRunsAsync(new RunQuery(connectionId, skip ?? 0, take ?? 25), ct))
            .WithSummary("Sync runs of all connections or one, newest first, paged: kind, status, start, duration and counts");
        api.MapGet("/runs/chart", (int? connectionId, int? days, Engine.Sync.SyncMonitor monitor, CancellationToken ct) =>
                monitor.RunChartAsync(connectionId, days ?? 14, ct))
            .WithSummary("Runs, failed runs and field changes per day (UTC) over the last days, oldest first");
        api.MapGet("/status", (Engine.Sync.SyncMonitor monitor, CancellationToken ct) => monitor.ConnectionStatusesAsync(ct))
            .WithSummary("Per connection: state (idle, running, paused with reason, inactive), last run and open issues");
        api.MapGet("/log", (int? connectionId, CrmEntity? entity, int? recordId, string? field, DateTimeOffset? from, DateTimeOffset? to, int? skip, int? take,
                Engine.Sync.SyncMonitor monitor, CancellationToken ct) =>
                monitor.ListLogAsync(new LogQuery(connectionId, entity, recordId, field, from, to, skip ?? 0, take ?? 50), ct))
            .WithSummary("Every field change made by sync, newest first, filtered by connection, record, field (ERP key or CRM field) and time, paged");
        api.MapGet("/log/export", async (int? connectionId, CrmEntity? entity, int? recordId, string? field, DateTimeOffset? from, DateTimeOffset? to,
                Engine.Sync.SyncMonitor monitor, CancellationToken ct) =>
            {
                var csv = await monitor.ExportLogCsvAsync(new LogQuery(connectionId, entity, recordId, field, from, to), ct);
                return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", "sync-log.csv");
            })
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("The filtered sync log as a CSV file (all pages); cells that start like a formula are prefixed with an apostrophe");
        api.MapGet("/issues", (int? connectionId, SyncIssueClass? @class, int? skip, int? take, Engine.Sync.SyncMonitor monitor, CancellationToken ct) =>
                monitor.ListIssuesAsync(new IssueQuery(connectionId, @class, skip ?? 0, take ?? 50), ct))
            .WithSummary("Open sync issues by class with message, record, attempts and next retry, paged, with the open count per class");
        api.MapPost("/issues/{id:int}/retry", async (int id, Engine.Sync.SyncMonitor monitor, CancellationToken ct) => (await monitor.RetryAsync([id], ct))[0])
            .WithSummary("Retry now: syncs the issue's record (or its connection when it has no link) and tells whether the issue is resolved");
        api.MapPost("/issues/retry", (RetryRequest request, Engine.Sync.SyncMonitor monitor, CancellationToken ct) => monitor.RetryAsync(request.IssueIds, ct))
            .WithSummary("Bulk retry: each record once, each connection without a link once");
        api.MapGet("/issues/{id:int}/conflict", (int id, Engine.Sync.SyncMonitor monitor, CancellationToken ct) => monitor.GetConflictAsync(id, ct))
            .WithSummary("A review conflict's fields with the CRM and ERP values as they are now");
        api.MapPost("/issues/{id:int}/resolve", (int id, ResolveRequest? request, Engine.Sync.SyncMonitor monitor, CancellationToken ct) =>
                monitor.ResolveAsync(id, request ?? new ResolveRequest(), ct))
            .WithSummary("Marks an issue resolved; for a review conflict, choices (ERP field key → Crm or Erp) first write the winning value to the other side and sync the record");
        return app;
    }
}
