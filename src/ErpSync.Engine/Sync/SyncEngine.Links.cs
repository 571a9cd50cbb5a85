using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Data;
using ErpSync.Engine.Links;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Sync;

public sealed partial class SyncEngine
{
    /// <summary>"Sync now" on one record: both directions for one link, outside the schedule.</summary>
    public async Task<SyncRunSummary> SyncLinkAsync(int linkId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.IsSyncWrite = true;
        var connectionId = await db.Links.Where(l => l.Id == linkId).Select(l => (int?)l.ConnectionId).FirstOrDefaultAsync(cancellationToken)
            ?? throw UserErrorException.NotFound(T("This link does not exist any more.", "Deze koppeling bestaat niet meer."));
        await using var lease = await locks.AcquireAsync(connectionId, cancellationToken);
        var link = await db.Links.FirstOrDefaultAsync(l => l.Id == linkId, cancellationToken)
            ?? throw UserErrorException.NotFound(T("This link does not exist any more.", "Deze koppeling bestaat niet meer."));
        var connection = await ConnectionLoader.LoadAsync(db, link.ConnectionId, cancellationToken);
        if (!connection.IsActive || connection.IsDeleted)
        {
            throw new UserErrorException(T("The connection is not active.", "De verbinding is niet actief."));
        }

        if (connection.PausedReason is { } paused)
        {
            // Retrying refused credentials could lock the ERP account; an administrator resumes the connection first.
            throw new UserErrorException(T($"The connection is paused: {paused}", $"De verbinding is gepauzeerd: {paused}"));
        }

        var type = connection.ActorTypes.FirstOrDefault(a => a.ActorType == link.ActorType && !a.MissingInErp)
            ?? throw new UserErrorException(T("The connection no longer offers this actor type.", "De verbinding biedt dit actortype niet meer aan."));
        var run = new SyncRun { ConnectionId = connection.Id, Kind = SyncRunKind.Record, Status = SyncRunStatus.Running, StartedAt = time.GetUtcNow(), Node = NodeName };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            var session = await OpenAsync(db, connection, cancellationToken);
            await SyncLinksAsync(db, session, type, SyncSetup.Fields(type), [link], new Dictionary<string, Actor>(), run, cancellationToken);
            return await FinishAsync(db, connection, run, null, cancellationToken, session);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var error = (ex as ConnectorException)?.Error;
            db.ChangeTracker.Clear();
            var fresh = await db.Connections.FirstAsync(c => c.Id == connection.Id, CancellationToken.None);
            if (error?.Code is ErrorCode.AuthenticationFailed or ErrorCode.InvalidConfiguration)
            {
                fresh.PausedReason = error.Message;
            }

            db.Attach(run);
            return await FinishAsync(db, fresh, run, error?.Message ?? T("The sync failed unexpectedly: ", "De synchronisatie is onverwacht mislukt: ") + ex.Message, CancellationToken.None);
        }
    }

    private async Task SyncLinksAsync(ErpSyncDb db, SyncSession session, ActorTypeMapping type, IReadOnlyList<SyncField> fields, IReadOnlyList<Link> links,
        Dictionary<string, Actor> erpChanged, SyncRun run, CancellationToken cancellationToken)
    {
        if (links.Count == 0 || fields.Count == 0)
        {
            return;
        }

        var erp = new Dictionary<string, Actor>(erpChanged, StringComparer.Ordinal);
        var missing = links.Select(l => l.ErpKey).Where(k => !erp.ContainsKey(k)).Distinct().ToList();
        foreach (var chunk in missing.Chunk(BatchSize))
        {
            var actors = (await session.Connector.GetActorsAsync(session.Context, new GetActorsRequest(type.ActorType, chunk, SyncSetup.FieldKeys(fields)), cancellationToken)).GetValueOrThrow();
            foreach (var actor in actors)
            {
                erp[actor.Key] = actor;
            }
        }

        var records = await CrmRecords.LoadAsync(db, type.CrmEntity, links.Select(l => l.CrmRecordId).Distinct().ToList(), cancellationToken);
        // One query for the open issues instead of one per link: most links have none.
        var openIssues = (await db.SyncIssues.Where(i => i.ConnectionId == session.Connection.Id && i.ResolvedAt == null && i.LinkId != null)
            .Select(i => i.LinkId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        var plans = new List<(Link Link, Crm.ICrmRecord Record, Actor Actor, LinkPlan Plan)>();
        foreach (var link in links)
        {
            if (!records.TryGetValue(link.CrmRecordId, out var record) || !erp.TryGetValue(link.ErpKey, out var actor))
            {
                db.Links.Remove(link);
                await RaiseAsync(db, session, link, type, SyncIssueClass.MissingDependency, record is null
                    ? T("The CRM record no longer exists; the link was removed.", "Het CRM-record bestaat niet meer; de koppeling is verwijderd.")
                    : T($"The ERP record {link.ErpKey} no longer exists; the link was removed.", $"Het ERP-record {link.ErpKey} bestaat niet meer; de koppeling is verwijderd."), run, cancellationToken);
                continue;
            }

            var crmChanged = record.ChangeSeq > link.CrmChangeSeq;
            if (crmChanged)
            {
                run.CrmChangesRead++;
            }

            var plan = SyncPlanner.Plan(fields, key => CrmFieldAccess.Get(type.CrmEntity, record, key), actor, LinkBase.Read(link),
                crmChanged ? record.UpdatedAt : null, session.CrmFirst);
            plans.Add((link, record, actor, plan));
        }

        var refused = await WriteErpAsync(db, session, type, plans, run, cancellationToken);
        foreach (var (link, record, actor, plan) in plans)
        {
            if (refused.Contains(link.Id))
            {
                continue;
            }

            if (plan.IssueClass is { } issue && plan.CrmWrites.Count == 0 && plan.ErpWrites.Count == 0 && issue != SyncIssueClass.Conflict)
            {
                await RaiseAsync(db, session, link, type, issue, plan.IssueMessage!, run, cancellationToken, plan.IssueDetail);
                continue;
            }

            ApplyCrm(db, session, type, link, record, actor, plan, run);
            if (plan.IssueClass is { } conflict)
            {
                await RaiseAsync(db, session, link, type, conflict, plan.IssueMessage!, run, cancellationToken, plan.IssueDetail);
            }
            else if (openIssues.Contains(link.Id))
            {
                await ResolveAsync(db, link, cancellationToken);
            }
        }
    }

    private void ApplyCrm(ErpSyncDb db, SyncSession session, ActorTypeMapping type, Link link, Crm.ICrmRecord record, Actor actor, LinkPlan plan, SyncRun run)
    {
        var now = time.GetUtcNow();
        foreach (var (crmField, value) in plan.CrmWrites)
        {
            var old = CrmFieldAccess.Get(type.CrmEntity, record, crmField);
            CrmFieldAccess.Set(type.CrmEntity, record, crmField, value);
            var erpField = type.Fields.First(f => string.Equals(f.CrmField, crmField, StringComparison.OrdinalIgnoreCase) && f.ToCrm).FieldKey;
            db.SyncLog.Add(Log(session, link, erpField, crmField, targetIsCrm: true, Display(old), Display(value), now, run));
        }

        run.CrmWrites += plan.CrmWrites.Count;
        LinkBase.Write(link, plan.NewBase);
        if (plan.ErpWrites.Count == 0)
        {
            // With ERP writes, WriteErpAsync already stored the version the ERP returned.
            link.ErpVersion = actor.Version;
        }
        link.LastSyncedAt = now;
        session.Touched.Add((link, record));
    }

    private static SyncLogEntry Log(SyncSession session, Link link, string fieldKey, string? crmField, bool targetIsCrm, string? old, string? value, DateTimeOffset at, SyncRun run) => new()
    {
        RunId = run.Id,
        ConnectionId = session.Connection.Id,
        LinkId = link.Id,
        CrmEntity = link.CrmEntity,
        CrmRecordId = link.CrmRecordId,
        ErpKey = link.ErpKey,
        FieldKey = fieldKey,
        CrmField = crmField,
        TargetIsCrm = targetIsCrm,
        OldValue = Truncate(old),
        NewValue = Truncate(value),
        At = at,
    };

    private static string? Display(object? value) => value switch
    {
        null => null,
        FieldValue field => FieldValues.Format(field),
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string? Truncate(string? value) => value is { Length: > 1000 } ? value[..1000] : value;
}
