using System.Text.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Data;
using ErpSync.Engine.Links;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Sync;

public sealed partial class SyncEngine
{
    /// <summary>Pending creates younger than this may still be in flight in a user's request; older ones were interrupted.</summary>
    public static readonly TimeSpan OutboxGrace = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Finishes creates interrupted between the ERP's create and our commit (design.md §5.4): the same idempotency key
    /// is sent again, the connector returns the actor it already made, and the record is linked — never a second ERP record.
    /// </summary>
    private async Task RecoverOutboxAsync(ErpSyncDb db, SyncSession session, SyncRun run, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - OutboxGrace;
        var connectionId = session.Connection.Id;
        var intents = (await db.OutboxIntents.Where(o => o.ConnectionId == connectionId && o.State == OutboxState.Pending).ToListAsync(cancellationToken))
            .Where(o => o.CreatedAt <= cutoff).ToList();
        foreach (var intent in intents)
        {
            if (await db.Links.AnyAsync(l => l.ConnectionId == connectionId && l.CrmEntity == intent.CrmEntity && l.CrmRecordId == intent.CrmRecordId, cancellationToken))
            {
                // The record was linked another way meanwhile (connected to an existing actor): creating now would duplicate it.
                intent.State = OutboxState.Failed;
                intent.Error = "Abandoned: the record was linked to another ERP record.";
                continue;
            }

            var payload = JsonSerializer.Deserialize(intent.PayloadJson, ConnectorJsonContext.Default.DictionaryStringFieldValue) ?? [];
            var result = await session.Connector.CreateActorAsync(session.Context, new CreateActorRequest(intent.ActorType, intent.IdempotencyKey, payload, intent.ParentKey), cancellationToken);
            if (!result.IsOk)
            {
                intent.Error = result.Error.Message;
                intent.State = result.Error.IsRetryable ? OutboxState.Pending : OutboxState.Failed;
                continue;
            }

            intent.State = OutboxState.Completed;
            intent.ErpKey = result.Value.Key;
            intent.CompletedAt = time.GetUtcNow();
            var type = session.Connection.ActorTypes.FirstOrDefault(a => a.ActorType == intent.ActorType);
            var alreadyLinked = await db.Links.AnyAsync(l => l.ConnectionId == connectionId
                && ((l.CrmEntity == intent.CrmEntity && l.CrmRecordId == intent.CrmRecordId) || (l.ActorType == intent.ActorType && l.ErpKey == result.Value.Key)), cancellationToken);
            if (type is null || alreadyLinked)
            {
                continue;
            }

            // The base is what the ERP stored; differences with the CRM are then synced by the normal merge.
            var fields = SyncSetup.Fields(type);
            var stored = (await session.Connector.GetActorsAsync(session.Context, new GetActorsRequest(intent.ActorType, [result.Value.Key], SyncSetup.FieldKeys(fields)), cancellationToken))
                .GetValueOrThrow();
            var actor = stored.Count > 0 ? stored[0] : result.Value;
            var link = LinkBase.NewLink(connectionId, intent.CrmEntity, intent.CrmRecordId, intent.ActorType, actor.Key, actor.Version,
                fields.ToDictionary(f => f.Erp.Key, f => SyncValues.Normalize(actor.Fields.GetValueOrDefault(f.Erp.Key)), StringComparer.OrdinalIgnoreCase), time.GetUtcNow());
            db.Links.Add(link);
            run.ErpWrites++;
        }
    }
}
