using ErpSync.Engine.Sync;
using Quartz;

namespace ErpSync.Engine.Scheduling;

/// <summary>
/// One scheduled (or "sync now") run of one connection. <see cref="DisallowConcurrentExecutionAttribute"/> holds per
/// job key, cluster-wide on the clustered store: a connection never runs twice at once.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SyncConnectionJob(SyncEngine engine, Import.ImportAdmin imports) : IJob
{
    public const string ConnectionIdKey = "connectionId";
    public const string KindKey = "kind";

    /// <summary>The JSON of a <see cref="Resync.ResyncRequest"/>, on triggers that run a resync instead of a sync.</summary>
    public const string ResyncKey = "resync";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var connectionId = context.MergedJobDataMap.GetInt(ConnectionIdKey);
        var kind = context.MergedJobDataMap.TryGetString(KindKey, out var value) && Enum.TryParse<SyncRunKind>(value, out var parsed) ? parsed : SyncRunKind.Scheduled;
        if (kind == SyncRunKind.Resync && context.MergedJobDataMap.TryGetString(ResyncKey, out var resync) && resync is not null)
        {
            await engine.ResyncConnectionAsync(connectionId, Resync.ResyncRequest.FromJson(resync), cancellationToken);
            return;
        }

        if (kind == SyncRunKind.Scheduled && await imports.IsImportingAsync(connectionId, cancellationToken))
        {
            // The scheduled sync waits while an import of this connection runs: this tick is skipped, the next one syncs.
            return;
        }

        await engine.SyncConnectionAsync(connectionId, kind, cancellationToken);
    }
}
