using ErpSync.Engine.Connections;
using ErpSync.Engine.Data;
using ErpSync.Engine.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ErpSync.Engine.Sync;

/// <summary>
/// Turns user edits of linked CRM records into a sync of their connections within seconds. Edits are debounced
/// (a record typed into several times syncs once) and go through the scheduler, so they never overlap a running
/// sync of the same connection.
/// </summary>
public sealed class RecordSyncDispatcher(
    CrmChangeSignal signal,
    IDbContextFactory<ErpSyncDb> dbFactory,
    SyncScheduler scheduler,
    TimeProvider time,
    ILogger<RecordSyncDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = new Dictionary<CrmRecordChanged, DateTimeOffset>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (signal.Reader.TryRead(out var change))
                {
                    pending[change] = time.GetUtcNow();
                }

                var due = pending.Where(p => time.GetUtcNow() - p.Value >= Quiet).Select(p => p.Key).ToList();
                if (due.Count > 0)
                {
                    due.ForEach(d => pending.Remove(d));
                    await DispatchAsync(due, stoppingToken);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The next scheduled run still picks the changes up; only the shortcut is lost.
                logger.LogWarning(ex, "Could not queue a sync for edited CRM records.");
            }
        }
    }

    private async Task DispatchAsync(IReadOnlyList<CrmRecordChanged> changes, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!(await db.SyncSettings.FirstAsync(cancellationToken)).AutomaticSync)
        {
            // With automatic sync off, edits wait for an administrator's "sync now" like everything else.
            return;
        }

        var connections = new HashSet<int>();
        foreach (var entity in changes.Select(c => c.Entity).Distinct())
        {
            var ids = changes.Where(c => c.Entity == entity).Select(c => c.RecordId).ToList();
            var linked = await db.Links.Where(l => l.CrmEntity == entity && ids.Contains(l.CrmRecordId))
                .Join(db.Connections.Where(c => c.IsActive && !c.IsDeleted && c.PausedReason == null), l => l.ConnectionId, c => c.Id, (l, c) => c.Id)
                .Distinct().ToListAsync(cancellationToken);
            connections.UnionWith(linked);
        }

        foreach (var connectionId in connections)
        {
            await scheduler.TriggerNowAsync(connectionId, SyncRunKind.Record, cancellationToken);
        }
    }
}
