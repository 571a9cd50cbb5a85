using ErpSync.Engine.Data;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ErpSync.Engine.Scheduling;

/// <summary>
/// Maps the sync settings onto Quartz: one durable job per active connection, with an interval trigger while
/// automatic sync is on. Settings live in the ErpSync database, so they survive restarts on every job store.
/// </summary>
public sealed class SyncScheduler(ISchedulerFactory schedulers, IDbContextFactory<ErpSyncDb> dbFactory, TimeProvider time)
{
    public const string Group = "erpsync-sync";

    public static JobKey JobFor(int connectionId) => new($"connection-{connectionId}", Group);

    public static TriggerKey IntervalTriggerFor(int connectionId) => new($"connection-{connectionId}-interval", Group);

    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.SyncSettings.FirstAsync(cancellationToken);
        var active = await db.Connections.Where(c => c.IsActive && !c.IsDeleted).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken))
        {
            if (!active.Any(id => JobFor(id).Equals(key)))
            {
                await scheduler.DeleteJob(key, cancellationToken);
            }
        }

        foreach (var id in active)
        {
            await EnsureJobAsync(scheduler, id, cancellationToken);
            var triggerKey = IntervalTriggerFor(id);
            var existing = await scheduler.GetTrigger(triggerKey, cancellationToken) as ISimpleTrigger;
            if (!settings.AutomaticSync)
            {
                if (existing is not null)
                {
                    await scheduler.UnscheduleJob(triggerKey, cancellationToken);
                }
            }
            else if (existing is null || existing.RepeatInterval != TimeSpan.FromSeconds(settings.IntervalSeconds))
            {
                var trigger = TriggerBuilder.Create()
                    .WithIdentity(triggerKey)
                    .ForJob(JobFor(id))
                    .StartAt(time.GetUtcNow().AddSeconds(settings.IntervalSeconds))
                    .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(settings.IntervalSeconds)).RepeatForever())
                    .Build();
                if (existing is null)
                {
                    await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken);
                }
                else
                {
                    await scheduler.RescheduleJob(triggerKey, trigger, cancellationToken);
                }
            }
        }
    }

    /// <summary>Runs a connection as soon as a worker is free (even while automatic sync is off).</summary>
    public async Task TriggerNowAsync(int connectionId, SyncRunKind kind, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await EnsureJobAsync(scheduler, connectionId, cancellationToken);
        await scheduler.TriggerJob(JobFor(connectionId), new JobDataMap { [SyncConnectionJob.KindKey] = kind.ToString() }, cancellationToken);
    }

    /// <summary>
    /// Queues a resync as a trigger of the connection's own job: the job is DisallowConcurrentExecution, so the resync
    /// waits for a running sync of the connection (and the next sync waits for it), on every node of a cluster.
    /// </summary>
    public async Task TriggerResyncAsync(int connectionId, string requestJson, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await EnsureJobAsync(scheduler, connectionId, cancellationToken);
        await scheduler.TriggerJob(JobFor(connectionId), new JobDataMap
        {
            [SyncConnectionJob.KindKey] = SyncRunKind.Resync.ToString(),
            [SyncConnectionJob.ResyncKey] = requestJson,
        }, cancellationToken);
    }

    /// <summary>When each connection's interval trigger fires next, if it is scheduled.</summary>
    public async Task<IReadOnlyDictionary<int, DateTimeOffset?>> NextRunsAsync(IEnumerable<int> connectionIds, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var result = new Dictionary<int, DateTimeOffset?>();
        foreach (var id in connectionIds)
        {
            result[id] = (await scheduler.GetTrigger(IntervalTriggerFor(id), cancellationToken))?.NextFireTimeUtc;
        }

        return result;
    }

    private static async Task EnsureJobAsync(IScheduler scheduler, int connectionId, CancellationToken cancellationToken)
    {
        if (!await scheduler.Exists(JobFor(connectionId), cancellationToken))
        {
            var job = JobBuilder.Create<SyncConnectionJob>()
                .WithIdentity(JobFor(connectionId))
                .UsingJobData(SyncConnectionJob.ConnectionIdKey, connectionId)
                .StoreDurably()
                .Build();
            await scheduler.AddJob(job, new AddJobOptions { Replace = true }, cancellationToken);
        }
    }
}
