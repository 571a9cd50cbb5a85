using ErpSync.Engine.Data;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Scheduling;

/// <summary>The automatic sync settings and each connection's schedule, as the Synchronize tab shows them.</summary>
public sealed record SyncScheduleView(bool AutomaticSync, int IntervalSeconds, IReadOnlyList<ConnectionScheduleView> Connections);

/// <summary>One active connection: whether it is paused (and why), its last run, next run and open issues.</summary>
public sealed record ConnectionScheduleView(int ConnectionId, string Name, string? PausedReason, DateTimeOffset? LastRunAt, SyncRunStatus? LastStatus, DateTimeOffset? NextRunAt, int OpenIssues);

/// <summary>On/Off, interval and "sync now" (functional-spec §3.12), shared by the API and the page.</summary>
public sealed class SchedulerAdmin(IDbContextFactory<ErpSyncDb> dbFactory, SyncScheduler scheduler)
{
    public const int MinIntervalSeconds = 30;
    public const int MaxIntervalSeconds = 86_400;

    public async Task<SyncScheduleView> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.SyncSettings.FirstAsync(cancellationToken);
        var connections = await db.Connections.Where(c => c.IsActive && !c.IsDeleted).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.PausedReason, c.LastRunAt }).ToListAsync(cancellationToken);
        var ids = connections.Select(c => c.Id).ToList();
        var issues = await db.SyncIssues.Where(i => i.ResolvedAt == null && ids.Contains(i.ConnectionId))
            .GroupBy(i => i.ConnectionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var lastRuns = await db.SyncRuns.Where(r => ids.Contains(r.ConnectionId) && r.Status != SyncRunStatus.Running)
            .GroupBy(r => r.ConnectionId).Select(g => g.OrderByDescending(r => r.Id).Select(r => new { r.ConnectionId, r.Status }).First())
            .ToDictionaryAsync(r => r.ConnectionId, r => r.Status, cancellationToken);
        var next = await scheduler.NextRunsAsync(ids, cancellationToken);
        return new SyncScheduleView(settings.AutomaticSync, settings.IntervalSeconds, connections.Select(c => new ConnectionScheduleView(
            c.Id, c.Name, c.PausedReason, c.LastRunAt, lastRuns.TryGetValue(c.Id, out var status) ? status : null, next.GetValueOrDefault(c.Id), issues.GetValueOrDefault(c.Id))).ToList());
    }

    /// <summary>The On/Off buttons and the interval; applied to the scheduler at once and kept in the database.</summary>
    public async Task<SyncScheduleView> SaveAsync(bool automaticSync, int intervalSeconds, CancellationToken cancellationToken)
    {
        if (intervalSeconds is < MinIntervalSeconds or > MaxIntervalSeconds)
        {
            throw UserErrorException.Field("intervalSeconds", T($"The interval must be between {MinIntervalSeconds} seconds and 24 hours.", $"Het interval moet tussen {MinIntervalSeconds} seconden en 24 uur liggen."));
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var settings = await db.SyncSettings.FirstAsync(cancellationToken);
            settings.AutomaticSync = automaticSync;
            settings.IntervalSeconds = intervalSeconds;
            await db.SaveChangesAsync(cancellationToken);
        }

        await scheduler.ReconcileAsync(cancellationToken);
        return await GetAsync(cancellationToken);
    }

    /// <summary>"Sync all now": every active connection, whether automatic sync is on or off; a paused connection is resumed.</summary>
    public async Task<int> SyncAllNowAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.Connections.Where(c => c.IsActive && !c.IsDeleted).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            await scheduler.TriggerNowAsync(id, SyncRunKind.Manual, cancellationToken);
        }

        return ids.Count;
    }

    /// <summary>Runs one connection now (queued on the scheduler, so it never overlaps a running sync of it).</summary>
    public async Task SyncNowAsync(int connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Connections.AnyAsync(c => c.Id == connectionId && c.IsActive && !c.IsDeleted, cancellationToken))
        {
            throw new UserErrorException(T("Only an active connection can be synced.", "Alleen een actieve verbinding kan worden gesynchroniseerd."));
        }

        await scheduler.TriggerNowAsync(connectionId, SyncRunKind.Manual, cancellationToken);
    }
}
