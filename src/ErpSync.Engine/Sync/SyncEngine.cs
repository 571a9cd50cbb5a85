using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Data;
using ErpSync.Engine.Links;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Sync;

/// <summary>
/// One sync cycle of one connection (design.md §5.1): read ERP changes since the cursor and CRM changes since the
/// connection's sequence, merge every touched link field by field, send ERP writes with expected versions, then
/// commit CRM writes, log, base snapshots and both cursors in one transaction. Cost follows changes, not links.
/// </summary>
public sealed partial class SyncEngine(
    IDbContextFactory<ErpSyncDb> dbFactory,
    ConnectorResolver resolver,
    ConnectionConfigStore configStore,
    ConnectionLocks locks,
    TimeProvider time,
    ILogger<SyncEngine> logger)
{
    public const int PageSize = 500;

    /// <summary>This process, as recorded on its runs.</summary>
    public static readonly string NodeName = $"{Environment.MachineName}/{Environment.ProcessId}";
    private const int BatchSize = 100;

    public async Task<SyncRunSummary> SyncConnectionAsync(int connectionId, SyncRunKind kind, CancellationToken cancellationToken)
    {
        await using var lease = await locks.AcquireAsync(connectionId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.IsSyncWrite = true;
        var connection = await ConnectionLoader.LoadAsync(db, connectionId, cancellationToken);
        if (!connection.IsActive || connection.IsDeleted)
        {
            return new SyncRunSummary(null, SyncRunStatus.Failed, 0, 0, 0, 0, 0, T("The connection is not active.", "De verbinding is niet actief."));
        }

        if (kind == SyncRunKind.Scheduled && connection.PausedReason is not null)
        {
            // Paused after refused credentials: only an administrator's "sync now" tries again.
            return new SyncRunSummary(null, SyncRunStatus.Failed, 0, 0, 0, 0, 0, connection.PausedReason);
        }

        var run = new SyncRun { ConnectionId = connectionId, Kind = kind, Status = SyncRunStatus.Running, StartedAt = time.GetUtcNow(), Node = NodeName };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            var session = await OpenAsync(db, connection, cancellationToken);
            var sequenceAtStart = await CrmRecords.MaxSequenceAsync(db, cancellationToken);
            var cursors = SyncSetup.Cursors(connection);
            await RecoverOutboxAsync(db, session, run, cancellationToken);
            var sweep = StartSweep(connectionId, kind, session.Connector.Info.Capabilities);
            foreach (var type in connection.ActorTypes.Where(a => a.IsActive && !a.MissingInErp).OrderBy(a => a.ActorType))
            {
                await SyncActorTypeAsync(db, session, type, cursors, run, sweep, cancellationToken);
            }

            connection.CrmSequenceSeen = Math.Max(connection.CrmSequenceSeen, sequenceAtStart);
            connection.PausedReason = null;
            var summary = await FinishAsync(db, connection, run, null, cancellationToken, session);
            if (sweep)
            {
                Swept(connectionId);
            }

            return summary;
        }
        catch (Exception ex)
        {
            // Whatever failed, nothing of this run is committed (cursors included) and the run is closed as failed.
            var error = (ex as ConnectorException)?.Error;
            var message = error?.Message ?? (ex is OperationCanceledException
                ? T("The run was cancelled (the server is stopping).", "De run is afgebroken (de server stopt).")
                : T("The run failed unexpectedly: ", "De run is onverwacht mislukt: ") + ex.Message);
            logger.LogWarning(ex, "Sync of connection {ConnectionId} failed: {Message}", connectionId, message);
            db.ChangeTracker.Clear();
            var fresh = await db.Connections.FirstAsync(c => c.Id == connectionId, CancellationToken.None);
            if (error?.Code is ErrorCode.AuthenticationFailed or ErrorCode.InvalidConfiguration)
            {
                // Retrying refused credentials could lock the ERP account: stop until an administrator acts.
                fresh.PausedReason = error.Message;
            }

            db.Attach(run);
            var summary = await FinishAsync(db, fresh, run, message, CancellationToken.None);
            if (ex is OperationCanceledException)
            {
                throw;
            }

            return summary;
        }
    }

    private async Task SyncActorTypeAsync(ErpSyncDb db, SyncSession session, ActorTypeMapping type, Dictionary<string, string> cursors, SyncRun run, bool sweep, CancellationToken cancellationToken)
    {
        var fields = SyncSetup.Fields(type);
        var keys = SyncSetup.FieldKeys(fields);
        var erpChanged = new Dictionary<string, Actor>(StringComparer.Ordinal);
        var tombstones = new List<Tombstone>();
        var cursor = cursors.GetValueOrDefault(type.ActorType.ToString());
        ChangePage page;
        do
        {
            page = (await session.Connector.ReadChangesAsync(session.Context, new ReadChangesRequest(type.ActorType, cursor, keys, PageSize), cancellationToken)).GetValueOrThrow();
            foreach (var actor in page.Actors)
            {
                erpChanged[actor.Key] = actor;
            }

            tombstones.AddRange(page.Tombstones);
            run.ErpChangesRead += page.Actors.Count + page.Tombstones.Count;
            cursor = page.NextCursor ?? cursor;
        }
        while (page.HasMore);

        if (sweep)
        {
            tombstones.AddRange(await SweepDeletedAsync(db, session, type, tombstones.Select(t => t.Key).ToHashSet(StringComparer.Ordinal), cancellationToken));
        }

        var connectionId = session.Connection.Id;
        var erpKeys = erpChanged.Keys.Concat(tombstones.Select(t => t.Key)).ToList();
        var links = new Dictionary<int, Link>();
        foreach (var chunk in erpKeys.Chunk(500))
        {
            foreach (var link in await db.Links.Where(l => l.ConnectionId == connectionId && l.ActorType == type.ActorType && chunk.Contains(l.ErpKey)).ToListAsync(cancellationToken))
            {
                links[link.Id] = link;
            }
        }

        var changedRecords = await CrmRecords.ChangedSinceAsync(db, type.CrmEntity, session.Connection.CrmSequenceSeen, cancellationToken);
        foreach (var chunk in changedRecords.Keys.Chunk(500))
        {
            foreach (var link in await db.Links.Where(l => l.ConnectionId == connectionId && l.ActorType == type.ActorType && l.CrmEntity == type.CrmEntity && chunk.Contains(l.CrmRecordId)).ToListAsync(cancellationToken))
            {
                links[link.Id] = link;
            }
        }

        // Our own writes come back on both sides: a CRM record whose sequence the link already holds, and an ERP actor
        // at the version we stored. Neither is a change, so such links are not planned again.
        var tombstoneKeys = tombstones.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var link in links.Values.ToList())
        {
            var crmChanged = changedRecords.TryGetValue(link.CrmRecordId, out var sequence) && sequence > link.CrmChangeSeq;
            var erpMoved = erpChanged.TryGetValue(link.ErpKey, out var actor) && (actor.Version is null || actor.Version != link.ErpVersion);
            var tombstoned = tombstoneKeys.Contains(link.ErpKey);
            if (!crmChanged && !erpMoved && !tombstoned)
            {
                links.Remove(link.Id);
            }
        }

        // Records parked earlier are tried again when due (transient) or every cycle (fixable by an admin, such as a
        // missing list mapping); review conflicts wait for an administrator. Cost follows open issues, not links.
        var now = time.GetUtcNow();
        var retry = await db.SyncIssues
            .Where(i => i.ConnectionId == connectionId && i.ResolvedAt == null && i.LinkId != null && i.ActorType == type.ActorType && i.Class != SyncIssueClass.Conflict)
            .Select(i => new { LinkId = i.LinkId!.Value, i.NextRetryAt }).ToListAsync(cancellationToken);
        var dueIds = retry.Where(i => i.NextRetryAt is null || i.NextRetryAt <= now).Select(i => i.LinkId).Where(id => !links.ContainsKey(id)).ToList();
        foreach (var link in await db.Links.Where(l => dueIds.Contains(l.Id)).ToListAsync(cancellationToken))
        {
            links[link.Id] = link;
        }

        await RemoveTombstonedAsync(db, session, links, tombstones, run, cancellationToken);
        await SyncLinksAsync(db, session, type, fields, links.Values.ToList(), erpChanged, run, cancellationToken);
        cursors[type.ActorType.ToString()] = cursor ?? "";
        SyncSetup.SaveCursors(session.Connection, cursors);
    }

    private async Task<SyncSession> OpenAsync(ErpSyncDb db, Connection connection, CancellationToken cancellationToken)
    {
        var resolved = await resolver.TryResolveAsync(connection.Connector!, cancellationToken);
        if (resolved.Connector is null)
        {
            throw new ConnectorException(new ConnectorError(ErrorCode.Unreachable, resolved.Reason));
        }

        var settings = await db.SyncSettings.FirstAsync(cancellationToken);
        return new SyncSession(connection, resolved.Connector, new ConnectorContext(connection.PublicId, configStore.Read(connection), CultureName),
            SyncSetup.CrmFirst(settings.PriorityOrder, connection.Id));
    }

    private async Task<SyncRunSummary> FinishAsync(ErpSyncDb db, Connection connection, SyncRun run, string? failure, CancellationToken cancellationToken, SyncSession? session = null)
    {
        run.EndedAt = time.GetUtcNow();
        run.Status = failure is not null ? SyncRunStatus.Failed : run.IssuesRaised > 0 ? SyncRunStatus.SucceededWithIssues : SyncRunStatus.Succeeded;
        run.Message = failure;
        connection.LastRunAt = run.EndedAt;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await SaveDroppingStaleRecordsAsync(db, session, run, cancellationToken);
            foreach (var (link, record) in session?.Touched ?? [])
            {
                // Our own CRM writes got new sequence numbers in the save above; remember them so they are not seen as user edits.
                link.CrmChangeSeq = record.ChangeSeq;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return new SyncRunSummary(run.Id, run.Status, run.ErpChangesRead, run.CrmChangesRead, run.CrmWrites, run.ErpWrites, run.IssuesRaised, failure);
    }

    /// <summary>
    /// Saves the cycle. A user who saved a record between this cycle's read and this commit wins: the record's version
    /// (ChangeSeq, a concurrency token) no longer matches, so the cycle's CRM write to it is dropped together with its
    /// link's new base and its log lines, and the next cycle plans the record again, user edit included. Nothing is lost
    /// either way: what the cycle wrote to the ERP comes back through the change feed and merges against the old base.
    /// </summary>
    private static async Task SaveDroppingStaleRecordsAsync(ErpSyncDb db, SyncSession? session, SyncRun run, CancellationToken cancellationToken)
    {
        if (session is null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        // Each conflict drops at least one touched record, so the attempts are bounded by them.
        await StaleRecords.SaveAsync(db, async entry =>
        {
            foreach (var touched in session.Touched.Where(t => ReferenceEquals(t.Record, entry.Entity)).ToList())
            {
                session.Touched.Remove(touched);
                await db.Entry(touched.Link).ReloadAsync(cancellationToken);
                foreach (var log in db.ChangeTracker.Entries<SyncLogEntry>().Where(l => l.State == EntityState.Added && l.Entity.LinkId == touched.Link.Id && l.Entity.TargetIsCrm).ToList())
                {
                    log.State = EntityState.Detached;
                    run.CrmWrites--;
                }
            }
        }, session.Touched.Count + 1, cancellationToken);
    }

    private sealed record SyncSession(Connection Connection, ISyncConnector Connector, ConnectorContext Context, bool CrmFirst)
    {
        /// <summary>Links whose CRM record was touched: their sequence is recorded after the save assigns new numbers.</summary>
        public List<(Link Link, Crm.ICrmRecord Record)> Touched { get; } = [];
    }
}
