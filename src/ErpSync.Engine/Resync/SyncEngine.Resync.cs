using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Data;
using ErpSync.Engine.Links;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Resync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Sync;

public sealed partial class SyncEngine
{
    /// <summary>
    /// A forced one-way resync (functional-spec §3.13): for every linked record (or the chosen ones), the source side's
    /// value of each field mapped towards the target is written to the target, ignoring versions and timestamps. ERP
    /// writes go in batches without expected versions; the base snapshots of those fields become the written value and
    /// every change is logged. The run row is saved after each batch, so it shows progress while it runs.
    /// </summary>
    public async Task<SyncRunSummary> ResyncConnectionAsync(int connectionId, ResyncRequest request, CancellationToken cancellationToken)
    {
        await using var lease = await locks.AcquireAsync(connectionId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.IsSyncWrite = true;
        var connection = await ConnectionLoader.LoadAsync(db, connectionId, cancellationToken);
        if (!connection.IsActive || connection.IsDeleted)
        {
            return new SyncRunSummary(null, SyncRunStatus.Failed, 0, 0, 0, 0, 0, T("The connection is not active.", "De verbinding is niet actief."));
        }

        var run = new SyncRun
        {
            ConnectionId = connectionId, Kind = SyncRunKind.Resync, Status = SyncRunStatus.Running, StartedAt = time.GetUtcNow(), Node = NodeName,
            Message = request.From == ResyncSource.Crm ? T("Resync from CRM", "Opnieuw synchroniseren vanuit CRM") : T("Resync from ERP", "Opnieuw synchroniseren vanuit ERP"),
        };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            var session = await OpenAsync(db, connection, cancellationToken);
            foreach (var type in connection.ActorTypes.Where(a => a.IsActive && !a.MissingInErp).OrderBy(a => a.ActorType))
            {
                if (request.Entity is { } entity && type.CrmEntity != entity)
                {
                    continue;
                }

                await ResyncActorTypeAsync(db, session, type, request, run, cancellationToken);
            }

            var summary = await FinishAsync(db, connection, run, null, cancellationToken, session);
            return summary;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever failed, the run is closed (batches committed before stay), so it never hangs as "Running".
            var message = (ex as ConnectorException)?.Error.Message ?? T("The resync failed unexpectedly: ", "Het opnieuw synchroniseren is onverwacht mislukt: ") + ex.Message;
            logger.LogWarning(ex, "Resync of connection {ConnectionId} failed: {Message}", connectionId, message);
            db.ChangeTracker.Clear();
            var fresh = await db.Connections.FirstAsync(c => c.Id == connectionId, CancellationToken.None);
            db.Attach(run);
            return await FinishAsync(db, fresh, run, message, CancellationToken.None);
        }
    }

    private async Task ResyncActorTypeAsync(ErpSyncDb db, SyncSession session, ActorTypeMapping type, ResyncRequest request, SyncRun run, CancellationToken cancellationToken)
    {
        var toErp = request.From == ResyncSource.Crm;
        var fields = SyncSetup.Fields(type)
            .Where(f => toErp ? f.Direction.ToErp() && !f.Erp.IsReadOnly && !f.Erp.IsKey : f.Direction.ToCrm())
            .ToList();
        if (fields.Count == 0)
        {
            return;
        }

        var keys = SyncSetup.FieldKeys(fields);
        var connectionId = session.Connection.Id;
        var lastId = 0;
        while (true)
        {
            // Keyset paging over the links keeps memory flat however many records are linked.
            var query = db.Links.Where(l => l.ConnectionId == connectionId && l.ActorType == type.ActorType && l.CrmEntity == type.CrmEntity && l.Id > lastId);
            if (request.RecordIds is { Count: > 0 } ids)
            {
                query = query.Where(l => ids.Contains(l.CrmRecordId));
            }

            var links = await query.OrderBy(l => l.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (links.Count == 0)
            {
                break;
            }

            lastId = links[^1].Id;
            var actors = (await session.Connector.GetActorsAsync(session.Context, new GetActorsRequest(type.ActorType, links.Select(l => l.ErpKey).Distinct().ToList(), keys), cancellationToken))
                .GetValueOrThrow().ToDictionary(a => a.Key, StringComparer.Ordinal);
            var records = await CrmRecords.LoadAsync(db, type.CrmEntity, links.Select(l => l.CrmRecordId).Distinct().ToList(), cancellationToken);
            var present = new List<(Link Link, Crm.ICrmRecord Record, Actor Actor)>();
            foreach (var link in links)
            {
                if (records.TryGetValue(link.CrmRecordId, out var record) && actors.TryGetValue(link.ErpKey, out var actor))
                {
                    present.Add((link, record, actor));
                }
                else
                {
                    await RaiseAsync(db, session, link, type, SyncIssueClass.MissingDependency, record is null
                        ? T("The CRM record no longer exists; it was not resynced.", "Het CRM-record bestaat niet meer; het is niet opnieuw gesynchroniseerd.")
                        : T($"The ERP record {link.ErpKey} no longer exists; it was not resynced.", $"Het ERP-record {link.ErpKey} bestaat niet meer; het is niet opnieuw gesynchroniseerd."), run, cancellationToken);
                }
            }

            if (toErp)
            {
                await ResyncToErpAsync(db, session, type, fields, present, request.NoBlankOverwrite, run, cancellationToken);
            }
            else
            {
                await ResyncToCrmAsync(db, session, type, fields, present, request.NoBlankOverwrite, run, cancellationToken);
            }

            await SaveBatchAsync(db, session, run, cancellationToken);
        }
    }

    private async Task ResyncToErpAsync(ErpSyncDb db, SyncSession session, ActorTypeMapping type, List<SyncField> fields, List<(Link Link, Crm.ICrmRecord Record, Actor Actor)> batch,
        bool noBlankOverwrite, SyncRun run, CancellationToken cancellationToken)
    {
        var planned = new List<(Link Link, Actor Actor, Dictionary<string, FieldValue?> Writes, Dictionary<string, FieldValue?> Base)>();
        foreach (var (link, record, actor) in batch)
        {
            var writes = new Dictionary<string, FieldValue?>(StringComparer.OrdinalIgnoreCase);
            var newBase = LinkBase.Read(link);
            string? unmapped = null;
            foreach (var field in fields)
            {
                if (!SyncValueConverter.TryToErp(field.Erp, field.Crm, CrmFieldAccess.Get(type.CrmEntity, record, field.Crm.Key), field.Lists, out var value))
                {
                    unmapped = field.Crm.DisplayName;
                    break;
                }

                value = SyncValues.Normalize(value);
                actor.Fields.TryGetValue(field.Erp.Key, out var current);
                if (value is null && noBlankOverwrite && SyncValues.Normalize(current) is not null)
                {
                    continue;
                }

                if (!SyncValues.Same(value, current))
                {
                    writes[field.Erp.Key] = value;
                }

                newBase[field.Erp.Key] = value;
            }

            if (unmapped is not null)
            {
                await RaiseAsync(db, session, link, type, SyncIssueClass.UnmappedValue, T($"The CRM value of {unmapped} has no matching ERP list item; map it in List mapping.",
                    $"De CRM-waarde van {unmapped} heeft geen overeenkomend ERP-lijstitem; wijs het toe in Lijsttoewijzing."), run, cancellationToken);
                continue;
            }

            planned.Add((link, actor, writes, newBase));
        }

        var withWrites = planned.Where(p => p.Writes.Count > 0).ToList();
        var results = withWrites.Count == 0
            ? []
            : (await session.Connector.SaveActorsAsync(session.Context,
                new SaveActorsRequest(type.ActorType, withWrites.Select(p => new ActorUpdate(p.Link.ErpKey, null, p.Writes)).ToList()), cancellationToken)).GetValueOrThrow();
        var now = time.GetUtcNow();
        var resultIndex = 0;
        foreach (var (link, actor, writes, newBase) in planned)
        {
            if (writes.Count > 0)
            {
                var result = resultIndex < results.Count ? results[resultIndex] : new SaveResult(link.ErpKey, SaveStatus.Failed, Error: new ConnectorError(ErrorCode.Unknown, "No result."));
                resultIndex++;
                if (result.Status != SaveStatus.Ok)
                {
                    var issue = result.Status switch
                    {
                        SaveStatus.Invalid => SyncIssueClass.Validation,
                        SaveStatus.NotFound => SyncIssueClass.MissingDependency,
                        _ => result.Error?.Code == ErrorCode.AuthenticationFailed ? SyncIssueClass.Auth : SyncIssueClass.Transient,
                    };
                    await RaiseAsync(db, session, link, type, issue, result.Error?.Message ?? result.Status.ToString(), run, cancellationToken);
                    continue;
                }

                foreach (var (field, value) in writes)
                {
                    actor.Fields.TryGetValue(field, out var old);
                    db.SyncLog.Add(Log(session, link, field, type.Fields.FirstOrDefault(f => f.FieldKey == field)?.CrmField, targetIsCrm: false, Display(old), Display(value), now, run));
                }

                run.ErpWrites += writes.Count;
                link.ErpVersion = result.Actor?.Version ?? link.ErpVersion;
            }
            else
            {
                link.ErpVersion = actor.Version;
            }

            LinkBase.Write(link, newBase);
            link.LastSyncedAt = now;
        }
    }

    private async Task ResyncToCrmAsync(ErpSyncDb db, SyncSession session, ActorTypeMapping type, List<SyncField> fields, List<(Link Link, Crm.ICrmRecord Record, Actor Actor)> batch,
        bool noBlankOverwrite, SyncRun run, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (link, record, actor) in batch)
        {
            var writes = new Dictionary<string, (object? Raw, FieldValue? Value)>(StringComparer.OrdinalIgnoreCase);
            var newBase = LinkBase.Read(link);
            string? unmapped = null;
            foreach (var field in fields)
            {
                actor.Fields.TryGetValue(field.Erp.Key, out var value);
                value = SyncValues.Normalize(value);
                var currentRaw = CrmFieldAccess.Get(type.CrmEntity, record, field.Crm.Key);
                var currentKnown = SyncValueConverter.TryToErp(field.Erp, field.Crm, currentRaw, field.Lists, out var current);
                if (value is null && noBlankOverwrite && currentRaw is not null && !(currentRaw is string text && string.IsNullOrWhiteSpace(text)))
                {
                    continue;
                }

                if (!SyncValueConverter.TryToCrm(field.Crm, value, field.Lists, out var raw))
                {
                    unmapped = $"\"{(value as ListValue)?.Key ?? value?.ToInvariantString()}\" ({field.Erp.DisplayName})";
                    break;
                }

                if (!currentKnown || !SyncValues.Same(value, current))
                {
                    writes[field.Crm.Key] = (raw, value);
                }

                newBase[field.Erp.Key] = value;
            }

            if (unmapped is not null)
            {
                await RaiseAsync(db, session, link, type, SyncIssueClass.UnmappedValue, T($"The ERP value {unmapped} has no CRM list item; map it in List mapping.",
                    $"De ERP-waarde {unmapped} heeft geen CRM-lijstitem; wijs het toe in Lijsttoewijzing."), run, cancellationToken);
                continue;
            }

            foreach (var (crmField, (raw, _)) in writes)
            {
                var old = CrmFieldAccess.Get(type.CrmEntity, record, crmField);
                CrmFieldAccess.Set(type.CrmEntity, record, crmField, raw);
                var erpField = fields.First(f => string.Equals(f.Crm.Key, crmField, StringComparison.OrdinalIgnoreCase)).Erp.Key;
                db.SyncLog.Add(Log(session, link, erpField, crmField, targetIsCrm: true, Display(old), Display(raw), now, run));
            }

            run.CrmWrites += writes.Count;
            LinkBase.Write(link, newBase);
            link.ErpVersion = actor.Version;
            link.LastSyncedAt = now;
            if (writes.Count > 0)
            {
                session.Touched.Add((link, record));
            }
        }
    }

    /// <summary>Commits one batch (records, links, log, run counts) and forgets its records, so a long resync keeps memory flat.</summary>
    private static async Task SaveBatchAsync(ErpSyncDb db, SyncSession session, SyncRun run, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // A record a user saved meanwhile keeps the user's edit, as in a sync cycle (the resync's write to it is dropped and logged nowhere).
            await SaveDroppingStaleRecordsAsync(db, session, run, cancellationToken);
            foreach (var (link, record) in session.Touched)
            {
                // Our own CRM writes got new sequence numbers in the save above; the next sync must not see them as user edits.
                link.CrmChangeSeq = record.ChangeSeq;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        session.Touched.Clear();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is Link or Crm.ICrmRecord or SyncLogEntry or SyncIssue).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
