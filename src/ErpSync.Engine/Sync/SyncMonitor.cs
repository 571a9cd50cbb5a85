using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Data;
using ErpSync.Engine.Links;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Sync;

/// <summary>
/// What an administrator sees of sync (issue 4 §4): run history and its chart, per-connection state, the field-change log
/// with CSV export, and the open issues with retry and resolve (for review conflicts: the chosen side wins).
/// </summary>
public sealed class SyncMonitor(IDbContextFactory<ErpSyncDb> dbFactory, SyncEngine engine, ConnectorResolver resolver, ConnectionConfigStore configStore, TimeProvider time)
{
    public const int MaxTake = 500;
    public const int MaxExportRows = 100_000;

    /// <summary>A run still marked running after this long is taken to have died with its process.</summary>
    private static readonly TimeSpan StaleRun = TimeSpan.FromHours(1);

    public async Task<MonitorPage<RunRow>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = db.SyncRuns.AsNoTracking();
        if (query.ConnectionId is { } connectionId)
        {
            runs = runs.Where(r => r.ConnectionId == connectionId);
        }

        var total = await runs.CountAsync(cancellationToken);
        var page = await runs.OrderByDescending(r => r.Id).Skip(Math.Max(0, query.Skip)).Take(Clamp(query.Take)).ToListAsync(cancellationToken);
        var names = await ConnectionNamesAsync(db, cancellationToken);
        return new MonitorPage<RunRow>(page.Select(r => Row(r, names)).ToList(), total);
    }

    /// <summary>Runs per day over the last <paramref name="days"/> days (today included), oldest first, with empty days as zero bars.</summary>
    public async Task<IReadOnlyList<RunChartBar>> RunChartAsync(int? connectionId, int days, CancellationToken cancellationToken)
    {
        days = Math.Clamp(days, 1, 366);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = new DateTimeOffset(today.AddDays(1 - days).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = db.SyncRuns.AsNoTracking().Where(r => r.StartedAt >= from);
        if (connectionId is { } id)
        {
            runs = runs.Where(r => r.ConnectionId == id);
        }

        var rows = await runs.Select(r => new { r.StartedAt, r.Status, Changes = r.CrmWrites + r.ErpWrites }).ToListAsync(cancellationToken);
        var byDay = rows.GroupBy(r => DateOnly.FromDateTime(r.StartedAt.UtcDateTime)).ToDictionary(g => g.Key);
        return Enumerable.Range(0, days).Select(i => today.AddDays(i + 1 - days)).Select(day => byDay.TryGetValue(day, out var g)
            ? new RunChartBar(day, g.Count(), g.Count(r => r.Status == SyncRunStatus.Failed), g.Sum(r => r.Changes))
            : new RunChartBar(day, 0, 0, 0)).ToList();
    }

    /// <summary>Every connection that is not deleted: idle, running, paused (with the reason) or inactive, its last run and open issues.</summary>
    public async Task<IReadOnlyList<ConnectionSyncStatus>> ConnectionStatusesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connections = await db.Connections.AsNoTracking().Where(c => !c.IsDeleted).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.IsActive, c.PausedReason, c.LastRunAt }).ToListAsync(cancellationToken);
        var open = (await db.SyncIssues.Where(i => i.ResolvedAt == null).GroupBy(i => i.ConnectionId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key, g => g.Count);
        var lastIds = await db.SyncRuns.GroupBy(r => r.ConnectionId).Select(g => g.Max(r => r.Id)).ToListAsync(cancellationToken);
        var lastRuns = await db.SyncRuns.AsNoTracking().Where(r => lastIds.Contains(r.Id)).ToListAsync(cancellationToken);
        var names = connections.ToDictionary(c => c.Id, c => c.Name);
        var staleBefore = time.GetUtcNow() - StaleRun;
        return connections.Select(c =>
        {
            var last = lastRuns.FirstOrDefault(r => r.ConnectionId == c.Id);
            var state = !c.IsActive ? ConnectionSyncState.Inactive
                : c.PausedReason is not null ? ConnectionSyncState.Paused
                : last is { Status: SyncRunStatus.Running } && last.StartedAt > staleBefore ? ConnectionSyncState.Running
                : ConnectionSyncState.Idle;
            return new ConnectionSyncStatus(c.Id, c.Name, state, c.PausedReason, c.LastRunAt, last is null ? null : Row(last, names), open.GetValueOrDefault(c.Id));
        }).ToList();
    }

    public async Task<MonitorPage<LogRow>> ListLogAsync(LogQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = Filter(db, query);
        var total = await entries.CountAsync(cancellationToken);
        var page = await entries.OrderByDescending(e => e.Id).Skip(Math.Max(0, query.Skip)).Take(Clamp(query.Take)).ToListAsync(cancellationToken);
        return new MonitorPage<LogRow>(await LogRowsAsync(db, page, cancellationToken), total);
    }

    /// <summary>All log entries of the filter (paging ignored, at most <see cref="MaxExportRows"/>, newest first) as CSV.</summary>
    public async Task<string> ExportLogCsvAsync(LogQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await Filter(db, query).OrderByDescending(e => e.Id).Take(MaxExportRows).ToListAsync(cancellationToken);
        return SyncCsv.Log(await LogRowsAsync(db, entries, cancellationToken));
    }

    public async Task<IssuePage> ListIssuesAsync(IssueQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = db.SyncIssues.AsNoTracking().Where(i => i.ResolvedAt == null);
        if (query.ConnectionId is { } connectionId)
        {
            open = open.Where(i => i.ConnectionId == connectionId);
        }

        var byClass = (await open.GroupBy(i => i.Class).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken)).ToDictionary(g => g.Key, g => g.Count);
        if (query.Class is { } issueClass)
        {
            open = open.Where(i => i.Class == issueClass);
        }

        var total = await open.CountAsync(cancellationToken);
        var page = await open.OrderBy(i => i.Class).ThenByDescending(i => i.Id).Skip(Math.Max(0, query.Skip)).Take(Clamp(query.Take)).ToListAsync(cancellationToken);
        var names = await ConnectionNamesAsync(db, cancellationToken);
        var records = await RecordNamesAsync(db, page.Where(i => i.CrmEntity is not null && i.CrmRecordId is not null).Select(i => (i.CrmEntity!.Value, i.CrmRecordId!.Value)), cancellationToken);
        var rows = page.Select(i => new IssueRow(i.Id, i.ConnectionId, names.GetValueOrDefault(i.ConnectionId, "#" + i.ConnectionId), i.LinkId, i.CrmEntity, i.CrmRecordId,
            i.CrmEntity is { } e && i.CrmRecordId is { } r ? records.GetValueOrDefault((e, r), RecordFallback(e, r)) : null,
            i.CrmEntity is { } e2 && i.CrmRecordId is { } r2 ? RecordUrl(e2, r2) : null,
            i.ActorType, i.ErpKey, i.Class, i.Message, i.DetailJson, i.Attempts, i.NextRetryAt, i.CreatedAt)).ToList();
        return new IssuePage(rows, total, byClass);
    }

    /// <summary>
    /// "Retry now" for each issue: a record sync of its link, or one connection sync for the issues without a link (once per connection).
    /// </summary>
    public async Task<IReadOnlyList<RetryResult>> RetryAsync(IReadOnlyCollection<int> issueIds, CancellationToken cancellationToken)
    {
        List<SyncIssue> issues;
        HashSet<int> liveLinks;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            issues = await db.SyncIssues.AsNoTracking().Where(i => issueIds.Contains(i.Id)).OrderBy(i => i.Id).ToListAsync(cancellationToken);
            var linkIds = issues.Where(i => i.LinkId is not null).Select(i => i.LinkId!.Value).ToList();
            liveLinks = (await db.Links.Where(l => linkIds.Contains(l.Id)).Select(l => l.Id).ToListAsync(cancellationToken)).ToHashSet();
        }

        if (issues.Count == 0)
        {
            throw UserErrorException.NotFound(T("These sync issues do not exist.", "Deze synchronisatieproblemen bestaan niet."));
        }

        var byLink = new Dictionary<int, SyncRunSummary>();
        var byConnection = new Dictionary<int, SyncRunSummary>();
        var summaries = new List<(SyncIssue Issue, SyncRunSummary Summary)>();
        foreach (var issue in issues)
        {
            SyncRunSummary summary;
            if (issue.LinkId is { } linkId && liveLinks.Contains(linkId))
            {
                if (!byLink.TryGetValue(linkId, out summary!))
                {
                    summary = byLink[linkId] = await engine.SyncLinkAsync(linkId, cancellationToken);
                }
            }
            else if (!byConnection.TryGetValue(issue.ConnectionId, out summary!))
            {
                summary = byConnection[issue.ConnectionId] = await engine.SyncConnectionAsync(issue.ConnectionId, SyncRunKind.Manual, cancellationToken);
            }

            summaries.Add((issue, summary));
        }

        await using var check = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stillOpen = (await check.SyncIssues.Where(i => issueIds.Contains(i.Id) && i.ResolvedAt == null).Select(i => i.Id).ToListAsync(cancellationToken)).ToHashSet();
        return summaries.Select(s => new RetryResult(s.Issue.Id, s.Summary, !stillOpen.Contains(s.Issue.Id))).ToList();
    }

    /// <summary>The fields of a review conflict as they are now on both sides: changed on both since the last sync, to different values.</summary>
    public async Task<IssueConflict> GetConflictAsync(int issueId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var state = await LoadConflictAsync(db, issueId, cancellationToken);
        return new IssueConflict(issueId, state.Fields.Select(f => new ConflictField(f.Field.Erp.Key, f.Field.Erp.DisplayName, Show(f.Crm), Show(f.Erp))).ToList());
    }

    /// <summary>
    /// Marks an open issue resolved. For a review conflict with choices, the chosen value of each field is first written to the
    /// other side (CRM record, or the ERP through the connector) and the record synced, so the base snapshot takes the chosen value.
    /// </summary>
    public async Task<ResolveResult> ResolveAsync(int issueId, ResolveRequest request, CancellationToken cancellationToken)
    {
        SyncRunSummary? summary = null;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var issue = await db.SyncIssues.FirstOrDefaultAsync(i => i.Id == issueId, cancellationToken)
                ?? throw UserErrorException.NotFound(T("This sync issue does not exist.", "Dit synchronisatieprobleem bestaat niet."));
            if (issue.ResolvedAt is not null)
            {
                return new ResolveResult(issueId, true, null);
            }

            if (request.Choices is { Count: > 0 } choices)
            {
                if (issue.Class != SyncIssueClass.Conflict)
                {
                    throw new UserErrorException(T("Only a conflict has values to choose from.", "Alleen bij een conflict kunt u een waarde kiezen."));
                }

                var linkId = await ApplyChoicesAsync(db, issueId, choices, cancellationToken);
                summary = await engine.SyncLinkAsync(linkId, cancellationToken);
            }
        }

        await using var after = await dbFactory.CreateDbContextAsync(cancellationToken);
        var resolved = await after.SyncIssues.FirstAsync(i => i.Id == issueId, cancellationToken);
        resolved.ResolvedAt ??= time.GetUtcNow();
        await after.SaveChangesAsync(cancellationToken);
        return new ResolveResult(issueId, true, summary);
    }

    private async Task<int> ApplyChoicesAsync(ErpSyncDb db, int issueId, IReadOnlyDictionary<string, ConflictWinner> choices, CancellationToken cancellationToken)
    {
        var state = await LoadConflictAsync(db, issueId, cancellationToken);
        var unknown = choices.Keys.Where(k => !state.Fields.Any(f => string.Equals(f.Field.Erp.Key, k, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw UserErrorException.Field(unknown[0], T($"{unknown[0]} is not in conflict any more; reload the issue.", $"{unknown[0]} is niet meer in conflict; laad het probleem opnieuw."));
        }

        var now = time.GetUtcNow();
        var erpWrites = new Dictionary<string, FieldValue?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, crm, erp) in state.Fields)
        {
            var choice = choices.FirstOrDefault(c => string.Equals(c.Key, field.Erp.Key, StringComparison.OrdinalIgnoreCase));
            if (choice.Key is null)
            {
                continue;
            }

            if (choice.Value == ConflictWinner.Crm)
            {
                erpWrites[field.Erp.Key] = crm;
                db.SyncLog.Add(Entry(state.Link, field, targetIsCrm: false, erp, crm, now));
            }
            else
            {
                if (!SyncValueConverter.TryToCrm(field.Crm, erp, field.Lists, out var raw))
                {
                    throw new UserErrorException(T($"The ERP value of {field.Erp.DisplayName} has no CRM list item; map it in List mapping.",
                        $"De ERP-waarde van {field.Erp.DisplayName} heeft geen CRM-lijstitem; wijs het toe in Lijsttoewijzing."));
                }

                CrmFieldAccess.Set(state.Link.CrmEntity, state.Record, field.Crm.Key, raw);
                db.SyncLog.Add(Entry(state.Link, field, targetIsCrm: true, crm, erp, now));
            }
        }

        if (erpWrites.Count > 0)
        {
            var results = (await state.Connector.SaveActorsAsync(state.Context,
                new SaveActorsRequest(state.Link.ActorType, [new ActorUpdate(state.Link.ErpKey, state.Actor.Version, erpWrites)]), cancellationToken)).GetValueOrThrow();
            var result = results.Count > 0 ? results[0] : null;
            if (result is not { Status: SaveStatus.Ok })
            {
                var reason = result?.Error?.Message ?? result?.Status.ToString() ?? "-";
                throw new UserErrorException(T($"The ERP refused the chosen values: {reason}", $"Het ERP weigerde de gekozen waarden: {reason}"), status: 409);
            }
        }

        // CRM values and the log of both sides are saved together; the record sync that follows stores the new base snapshot.
        await db.SaveChangesAsync(cancellationToken);
        return state.Link.Id;
    }

    private static SyncLogEntry Entry(Link link, SyncField field, bool targetIsCrm, FieldValue? old, FieldValue? value, DateTimeOffset at) => new()
    {
        ConnectionId = link.ConnectionId,
        LinkId = link.Id,
        CrmEntity = link.CrmEntity,
        CrmRecordId = link.CrmRecordId,
        ErpKey = link.ErpKey,
        FieldKey = field.Erp.Key,
        CrmField = field.Crm.Key,
        TargetIsCrm = targetIsCrm,
        OldValue = Show(old),
        NewValue = Show(value),
        At = at,
    };

    private sealed record ConflictState(Link Link, Crm.ICrmRecord Record, Actor Actor, ISyncConnector Connector, ConnectorContext Context,
        IReadOnlyList<(SyncField Field, FieldValue? Crm, FieldValue? Erp)> Fields);

    private async Task<ConflictState> LoadConflictAsync(ErpSyncDb db, int issueId, CancellationToken cancellationToken)
    {
        var issue = await db.SyncIssues.AsNoTracking().FirstOrDefaultAsync(i => i.Id == issueId && i.ResolvedAt == null, cancellationToken)
            ?? throw UserErrorException.NotFound(T("This sync issue does not exist or is resolved.", "Dit synchronisatieprobleem bestaat niet of is opgelost."));
        var link = issue.Class == SyncIssueClass.Conflict && issue.LinkId is { } linkId ? await db.Links.FirstOrDefaultAsync(l => l.Id == linkId, cancellationToken) : null;
        if (link is null)
        {
            throw new UserErrorException(T("This issue is not a conflict of a linked record.", "Dit probleem is geen conflict van een gekoppeld record."));
        }

        var connection = await ConnectionLoader.LoadAsync(db, link.ConnectionId, cancellationToken);
        var type = connection.ActorTypes.FirstOrDefault(a => a.ActorType == link.ActorType && !a.MissingInErp)
            ?? throw new UserErrorException(T("The connection no longer offers this actor type.", "De verbinding biedt dit actortype niet meer aan."));
        var resolved = await resolver.TryResolveAsync(connection.Connector!, cancellationToken);
        var connector = resolved.Connector ?? throw new UserErrorException(resolved.Reason, status: 409);
        var context = new ConnectorContext(connection.PublicId, configStore.Read(connection), CultureName);
        var fields = SyncSetup.Fields(type);
        var actor = (await connector.GetActorsAsync(context, new GetActorsRequest(type.ActorType, [link.ErpKey], SyncSetup.FieldKeys(fields)), cancellationToken)).GetValueOrThrow() is { Count: > 0 } found ? found[0] : throw new UserErrorException(T($"The ERP record {link.ErpKey} no longer exists.", $"Het ERP-record {link.ErpKey} bestaat niet meer."));
        var record = (await CrmRecords.LoadAsync(db, link.CrmEntity, [link.CrmRecordId], cancellationToken)).GetValueOrDefault(link.CrmRecordId)
            ?? throw new UserErrorException(T("The CRM record no longer exists.", "Het CRM-record bestaat niet meer."));
        var baseValues = LinkBase.Read(link);
        var conflicts = new List<(SyncField, FieldValue?, FieldValue?)>();
        foreach (var field in fields.Where(f => f.Direction == Mapping.FieldDirection.Both))
        {
            if (!SyncValueConverter.TryToErp(field.Erp, field.Crm, CrmFieldAccess.Get(link.CrmEntity, record, field.Crm.Key), field.Lists, out var crm))
            {
                continue;
            }

            actor.Fields.TryGetValue(field.Erp.Key, out var erp);
            baseValues.TryGetValue(field.Erp.Key, out var baseValue);
            if (!SyncValues.Same(crm, erp) && !SyncValues.Same(crm, baseValue) && !SyncValues.Same(erp, baseValue))
            {
                conflicts.Add((field, SyncValues.Normalize(crm), SyncValues.Normalize(erp)));
            }
        }

        return new ConflictState(link, record, actor, connector, context, conflicts);
    }

    private static string? Show(FieldValue? value) => value is null ? null : FieldValues.Format(value);

    private static IQueryable<SyncLogEntry> Filter(ErpSyncDb db, LogQuery query)
    {
        var entries = db.SyncLog.AsNoTracking();
        if (query.ConnectionId is { } connectionId)
        {
            entries = entries.Where(e => e.ConnectionId == connectionId);
        }

        if (query.Entity is { } entity)
        {
            entries = entries.Where(e => e.CrmEntity == entity);
        }

        if (query.RecordId is { } recordId)
        {
            entries = entries.Where(e => e.CrmRecordId == recordId);
        }

        if (!string.IsNullOrWhiteSpace(query.Field))
        {
            var field = query.Field.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.FieldKey.ToLower() == field || (e.CrmField != null && e.CrmField.ToLower() == field));
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At <= to);
        }

        return entries;
    }

    private static async Task<List<LogRow>> LogRowsAsync(ErpSyncDb db, List<SyncLogEntry> entries, CancellationToken cancellationToken)
    {
        var names = await ConnectionNamesAsync(db, cancellationToken);
        var records = await RecordNamesAsync(db, entries.Select(e => (e.CrmEntity, e.CrmRecordId)), cancellationToken);
        return entries.Select(e => new LogRow(e.Id, e.At, e.ConnectionId, names.GetValueOrDefault(e.ConnectionId, "#" + e.ConnectionId), e.CrmEntity, e.CrmRecordId,
            records.GetValueOrDefault((e.CrmEntity, e.CrmRecordId), RecordFallback(e.CrmEntity, e.CrmRecordId)), RecordUrl(e.CrmEntity, e.CrmRecordId), e.ErpKey, e.FieldKey,
            e.CrmField, e.TargetIsCrm, e.TargetIsCrm ? "ERP → CRM" : "CRM → ERP", e.OldValue, e.NewValue, e.RunId)).ToList();
    }

    public static string RecordUrl(CrmEntity entity, int id) => entity switch
    {
        CrmEntity.Company => $"companies/{id}",
        CrmEntity.Person => $"persons/{id}",
        _ => $"projects/{id}",
    };

    private static string RecordFallback(CrmEntity entity, int id) => $"{entity} {id}";

    private static async Task<Dictionary<(CrmEntity, int), string>> RecordNamesAsync(ErpSyncDb db, IEnumerable<(CrmEntity Entity, int Id)> records, CancellationToken cancellationToken)
    {
        var result = new Dictionary<(CrmEntity, int), string>();
        var wanted = records.Distinct().ToList();
        var companies = wanted.Where(r => r.Entity == CrmEntity.Company).Select(r => r.Id).ToList();
        var persons = wanted.Where(r => r.Entity == CrmEntity.Person).Select(r => r.Id).ToList();
        var projects = wanted.Where(r => r.Entity == CrmEntity.Project).Select(r => r.Id).ToList();
        foreach (var chunk in companies.Chunk(500))
        {
            foreach (var c in await db.Companies.Where(c => chunk.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
            {
                result[(CrmEntity.Company, c.Id)] = c.Name;
            }
        }

        foreach (var chunk in persons.Chunk(500))
        {
            foreach (var p in await db.Persons.Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.FirstName, p.MiddleName, p.LastName }).ToListAsync(cancellationToken))
            {
                result[(CrmEntity.Person, p.Id)] = string.Join(" ", new[] { p.FirstName, p.MiddleName, p.LastName }.Where(s => !string.IsNullOrWhiteSpace(s)));
            }
        }

        foreach (var chunk in projects.Chunk(500))
        {
            foreach (var p in await db.Projects.Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            {
                result[(CrmEntity.Project, p.Id)] = p.Name;
            }
        }

        return result;
    }

    private static async Task<Dictionary<int, string>> ConnectionNamesAsync(ErpSyncDb db, CancellationToken cancellationToken) =>
        await db.Connections.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

    private static RunRow Row(SyncRun r, IReadOnlyDictionary<int, string> names) => new(r.Id, r.ConnectionId, names.GetValueOrDefault(r.ConnectionId, "#" + r.ConnectionId),
        r.Kind, r.Status, r.StartedAt, r.EndedAt, r.EndedAt is { } end ? Math.Round((end - r.StartedAt).TotalSeconds, 3) : null,
        r.ErpChangesRead, r.CrmChangesRead, r.CrmWrites, r.ErpWrites, r.IssuesRaised, r.Message);

    private static int Clamp(int take) => Math.Clamp(take, 1, MaxTake);
}
