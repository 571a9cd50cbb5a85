using Quartz;

namespace ErpSync.Engine.Scheduling;

/// <summary>Keeps the scheduler's jobs in line with the active connections and the On/Off and interval settings.</summary>
[DisallowConcurrentExecution]
public sealed class ReconcileScheduleJob(SyncScheduler scheduler) : IJob
{
    public static readonly JobKey Key = new("reconcile", "erpsync");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await scheduler.ReconcileAsync(cancellationToken);
}
