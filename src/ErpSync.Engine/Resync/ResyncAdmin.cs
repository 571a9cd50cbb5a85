using ErpSync.Engine.Data;
using ErpSync.Engine.Scheduling;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Resync;

/// <summary>
/// "Resync from CRM" / "Resync from ERP" (functional-spec §3.13): validates the request and queues it on the scheduler
/// as a trigger of the connection's own <see cref="SyncConnectionJob"/>. That job is DisallowConcurrentExecution per
/// connection (cluster-wide on PostgreSQL), so a resync never overlaps a sync or another resync of the connection, and
/// it runs in the background whether or not the page that asked stays open. Progress is its <see cref="SyncRun"/> row
/// (Kind Resync), updated after every batch.
/// </summary>
public sealed class ResyncAdmin(IDbContextFactory<ErpSyncDb> dbFactory, SyncScheduler scheduler)
{
    public async Task QueueAsync(int connectionId, ResyncRequest request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Connections.AnyAsync(c => c.Id == connectionId && c.IsActive && !c.IsDeleted, cancellationToken))
        {
            throw new UserErrorException(T("Only an active connection can be resynced.", "Alleen een actieve verbinding kan opnieuw worden gesynchroniseerd."));
        }

        if (request.RecordIds is { Count: > 0 } && request.Entity is null)
        {
            throw UserErrorException.Field("entity", T("Say which kind of CRM record the ids are.", "Geef aan welk soort CRM-record de ids zijn."));
        }

        await scheduler.TriggerResyncAsync(connectionId, request.ToJson(), cancellationToken);
    }
}
