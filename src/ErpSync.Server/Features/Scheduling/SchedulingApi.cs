using ErpSync.Engine.Scheduling;
using ErpSync.Server.Security;

namespace ErpSync.Server.Hosting;

internal static class SchedulingApi
{
    public sealed record ScheduleRequest(bool AutomaticSync, int IntervalSeconds);

    public sealed record QueuedResponse(int Connections);

    public static WebApplication MapSchedulingApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/sync").RequireAuthorization(ErpSyncClaims.AdminPolicy).WithTags("Sync");
        api.MapGet("/schedule", (SchedulerAdmin admin, CancellationToken ct) => admin.GetAsync(ct))
            .WithSummary("Automatic sync On/Off, interval, and per active connection: paused reason, last and next run, open issues");
        api.MapPut("/schedule", (ScheduleRequest request, SchedulerAdmin admin, CancellationToken ct) => admin.SaveAsync(request.AutomaticSync, request.IntervalSeconds, ct))
            .WithSummary("Turns automatic sync on or off and sets the interval (30 s to 24 h); kept across restarts");
        api.MapPost("/run", async (SchedulerAdmin admin, CancellationToken ct) => TypedResults.Accepted("/api/sync/schedule", new QueuedResponse(await admin.SyncAllNowAsync(ct))))
            .WithSummary("Sync all now: queues every active connection, also while automatic sync is off");
        app.MapPost("/api/connections/{id:int}/sync", async (int id, SchedulerAdmin admin, CancellationToken ct) =>
            {
                // Queued on the scheduler rather than run here, so it can never overlap a scheduled run of the connection.
                await admin.SyncNowAsync(id, ct);
                return TypedResults.Accepted("/api/sync/schedule");
            })
            .RequireAuthorization(ErpSyncClaims.AdminPolicy).WithTags("Sync")
            .WithSummary("Queues a sync of one active connection now");
        return app;
    }
}
