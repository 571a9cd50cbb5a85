using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Data;
using ErpSync.Engine.Links;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Sync;

public sealed partial class SyncEngine
{
    /// <summary>
    /// Sends the planned ERP writes in batches with expected versions. Returns the links whose write was refused
    /// (nothing of theirs is applied this cycle) and the new ERP versions of the written ones.
    /// </summary>
    private async Task<HashSet<int>> WriteErpAsync(ErpSyncDb db, SyncSession session, ActorTypeMapping type,
        List<(Link Link, Crm.ICrmRecord Record, Actor Actor, LinkPlan Plan)> plans, SyncRun run, CancellationToken cancellationToken)
    {
        var refused = new HashSet<int>();
        var writes = plans.Where(p => p.Plan.ErpWrites.Count > 0 && p.Plan.IssueClass is null or SyncIssueClass.Conflict).ToList();
        foreach (var batch in writes.Chunk(BatchSize))
        {
            var request = new SaveActorsRequest(type.ActorType, batch.Select(p => new ActorUpdate(p.Link.ErpKey, p.Actor.Version, p.Plan.ErpWrites)).ToList());
            var results = (await session.Connector.SaveActorsAsync(session.Context, request, cancellationToken)).GetValueOrThrow()
                .GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            foreach (var (link, _, actor, plan) in batch)
            {
                // Matched by key: a connector (or a remote one) that reorders its results must not mix up records.
                var result = results.GetValueOrDefault(link.ErpKey) ?? new SaveResult(link.ErpKey, SaveStatus.Failed, Error: new ConnectorError(ErrorCode.Unknown, "The connector returned no result for this record."));
                if (result.Status == SaveStatus.Ok)
                {
                    var now = time.GetUtcNow();
                    foreach (var (field, value) in plan.ErpWrites)
                    {
                        actor.Fields.TryGetValue(field, out var old);
                        db.SyncLog.Add(Log(session, link, field, type.Fields.FirstOrDefault(f => f.FieldKey == field)?.CrmField, targetIsCrm: false, Display(old), Display(value), now, run));
                    }

                    run.ErpWrites += plan.ErpWrites.Count;
                    link.ErpVersion = result.Actor?.Version ?? link.ErpVersion;
                    continue;
                }

                refused.Add(link.Id);
                if (result.Status == SaveStatus.Conflict)
                {
                    // The ERP changed after we read it; its change feed brings the new version next cycle.
                    continue;
                }

                var issue = result.Status switch
                {
                    SaveStatus.Invalid => SyncIssueClass.Validation,
                    SaveStatus.NotFound => SyncIssueClass.MissingDependency,
                    _ => result.Error?.Code == ErrorCode.AuthenticationFailed ? SyncIssueClass.Auth : SyncIssueClass.Transient,
                };
                await RaiseAsync(db, session, link, type, issue, result.Error?.Message ?? result.Status.ToString(), run, cancellationToken, retryAfter: result.Error?.RetryAfter);
            }
        }

        return refused;
    }

    private async Task RemoveTombstonedAsync(ErpSyncDb db, SyncSession session, Dictionary<int, Link> links, List<Tombstone> tombstones, SyncRun run, CancellationToken cancellationToken)
    {
        foreach (var tombstone in tombstones)
        {
            var link = links.Values.FirstOrDefault(l => l.ErpKey == tombstone.Key);
            if (link is null)
            {
                continue;
            }

            var type = session.Connection.ActorTypes.First(a => a.ActorType == link.ActorType);
            links.Remove(link.Id);
            db.Links.Remove(link);
            await RaiseAsync(db, session, link, type, SyncIssueClass.MissingDependency, tombstone.ReplacedByKey is { } into
                ? T($"The ERP merged {tombstone.Key} into {into}; the CRM record was unlinked. Link it to {into} on its ERP tab.", $"Het ERP heeft {tombstone.Key} samengevoegd met {into}; het CRM-record is ontkoppeld. Koppel het op het ERP-tabblad aan {into}.")
                : T($"The ERP archived or deleted {tombstone.Key}; the CRM record was unlinked.", $"Het ERP heeft {tombstone.Key} gearchiveerd of verwijderd; het CRM-record is ontkoppeld."), run, cancellationToken);
        }
    }

    private async Task RaiseAsync(ErpSyncDb db, SyncSession session, Link link, ActorTypeMapping type, SyncIssueClass issueClass, string message, SyncRun run,
        CancellationToken cancellationToken, string? detail = null, TimeSpan? retryAfter = null)
    {
        var now = time.GetUtcNow();
        var issue = await db.SyncIssues.FirstOrDefaultAsync(i => i.LinkId == link.Id && i.ResolvedAt == null, cancellationToken)
            ?? db.SyncIssues.Local.FirstOrDefault(i => i.LinkId == link.Id && i.ResolvedAt == null);
        if (issue is null)
        {
            issue = new SyncIssue { ConnectionId = session.Connection.Id, Message = message, CreatedAt = now };
            db.SyncIssues.Add(issue);
        }

        issue.LinkId = db.Entry(link).State == EntityState.Deleted ? null : link.Id;
        issue.CrmEntity = link.CrmEntity;
        issue.CrmRecordId = link.CrmRecordId;
        issue.ActorType = type.ActorType;
        issue.ErpKey = link.ErpKey;
        issue.Class = issueClass;
        issue.Message = message;
        issue.DetailJson = detail;
        issue.Attempts++;
        issue.NextRetryAt = issueClass == SyncIssueClass.Transient ? now + RetryBackoff.Delay(issue.Attempts, retryAfter) : null;
        run.IssuesRaised++;
    }

    private static async Task ResolveAsync(ErpSyncDb db, Link link, CancellationToken cancellationToken)
    {
        foreach (var issue in await db.SyncIssues.Where(i => i.LinkId == link.Id && i.ResolvedAt == null).ToListAsync(cancellationToken))
        {
            issue.ResolvedAt = link.LastSyncedAt;
        }
    }
}
