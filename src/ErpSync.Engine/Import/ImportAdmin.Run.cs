using System.Text.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Data;
using ErpSync.Engine.Links;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Import;

/// <summary>What one page needs from the CRM: existing links of its actors and its candidate records (tracked).</summary>
internal sealed class PageContext(CrmEntity entity, Dictionary<string, int> linked, Dictionary<string, List<ICrmRecord>> candidates, Dictionary<string, int> parents,
    Dictionary<string, int> taken, Dictionary<string, string> duplicateKeys)
{
    public Dictionary<string, int> Linked => linked;

    public int? LinkedTo(string erpKey) => linked.TryGetValue(erpKey, out var id) ? id : null;

    /// <summary>ERP key of a parent actor → linked CRM company id.</summary>
    public Dictionary<string, int> Parents => parents;

    public IReadOnlyList<ICrmRecord> Candidates(Actor actor) => candidates.TryGetValue(actor.Key, out var list) ? list : [];

    /// <summary>A matching CRM record that is linked to another ERP record of the connection already.</summary>
    public int? TakenMatch(Actor actor) => taken.TryGetValue(actor.Key, out var id) ? id : null;

    /// <summary>The normalised duplicate key of an unlinked actor (none when matching is off or the key is empty).</summary>
    public string? DuplicateKey(Actor actor) => duplicateKeys.GetValueOrDefault(actor.Key);

    public CrmEntity Entity => entity;
}

/// <summary>
/// The duplicate keys of the new records of one import run, so that two ERP records with the same key do not become two
/// CRM records: the second is skipped, naming the first. Keys are 64-bit hashes; claims of committed pages keep only the
/// CRM record id (a million cost about 30 MB), claims of the page being written keep the claimant's ERP key.
/// </summary>
internal sealed class RunKeys
{
    private readonly Dictionary<long, int> _records = [];
    private readonly Dictionary<long, string> _page = [];

    /// <summary>Claims the key for the ERP record; false, with the reason naming the first claimant, when another record of the run has it.</summary>
    public bool TryClaim(string? key, string erpKey, out string? reason)
    {
        if (IsClaimed(key, out reason))
        {
            return false;
        }

        Claim(key, erpKey);
        return true;
    }

    /// <summary>True, with the reason naming the first claimant, when another record of the run has the key already.</summary>
    public bool IsClaimed(string? key, out string? reason)
    {
        reason = null;
        if (key is null)
        {
            return false;
        }

        var hash = CrmIndex.Hash(key);
        if (_records.TryGetValue(hash, out var id))
        {
            reason = T($"By the duplicate match this is the same as CRM record {id}, which this import already created.",
                $"Volgens de dubbelcontrole is dit hetzelfde als CRM-record {id}, dat deze import al heeft aangemaakt.");
            return true;
        }

        if (_page.TryGetValue(hash, out var first))
        {
            reason = T($"By the duplicate match this is the same as ERP record {first} of this import; only that one is imported.",
                $"Volgens de dubbelcontrole is dit hetzelfde als ERP-record {first} van deze import; alleen dat wordt geïmporteerd.");
            return true;
        }

        return false;
    }

    public void Claim(string? key, string erpKey)
    {
        if (key is not null)
        {
            _page.TryAdd(CrmIndex.Hash(key), erpKey);
        }
    }

    /// <summary>After a page's commit: its claims now point at the CRM records they created.</summary>
    public void Committed(IEnumerable<(string? Key, int RecordId)> created)
    {
        foreach (var (key, id) in created)
        {
            if (key is not null)
            {
                _records[CrmIndex.Hash(key)] = id;
            }
        }

        _page.Clear();
    }
}

public sealed partial class ImportAdmin
{
    private static string? ErpKeyOf(CrmEntity entity, IReadOnlyList<SyncField> fields, Actor actor, ImportSettings settings) =>
        DuplicateKeys.Of(entity, settings, crmField =>
        {
            var field = fields.FirstOrDefault(f => f.Direction.ToCrm() && string.Equals(f.Crm.Key, crmField, StringComparison.OrdinalIgnoreCase));
            return field is not null && SyncValueConverter.TryToCrm(field.Crm, actor.Fields.GetValueOrDefault(field.Erp.Key), field.Lists, out var raw) ? raw : null;
        });

    private static async Task<PageContext> PageContextAsync(ErpSyncDb db, int connectionId, ActorTypeMapping type, IReadOnlyList<Actor> page, CrmIndex index,
        ImportSettings settings, CancellationToken cancellationToken)
    {
        var entity = type.CrmEntity;
        var fields = SyncSetup.Fields(type);
        var keys = page.Select(a => a.Key).ToList();
        var linked = (await db.Links.AsNoTracking().Where(l => l.ConnectionId == connectionId && l.ActorType == type.ActorType && keys.Contains(l.ErpKey))
            .Select(l => new { l.ErpKey, l.CrmRecordId }).ToListAsync(cancellationToken)).ToDictionary(l => l.ErpKey, l => l.CrmRecordId, StringComparer.Ordinal);
        var duplicateKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var actor in page.Where(a => !linked.ContainsKey(a.Key)))
        {
            if (ErpKeyOf(entity, fields, actor, settings) is { } key)
            {
                duplicateKeys[actor.Key] = key;
            }
        }

        var wanted = duplicateKeys.ToDictionary(p => p.Key, p => index.Find(p.Value), StringComparer.Ordinal);
        var ids = wanted.Values.SelectMany(v => v).Distinct().ToList();
        var taken = (await db.Links.AsNoTracking().Where(l => l.ConnectionId == connectionId && l.CrmEntity == entity && ids.Contains(l.CrmRecordId)).Select(l => l.CrmRecordId)
            .ToListAsync(cancellationToken)).ToHashSet();
        ids.RemoveAll(taken.Contains);
        var records = entity == CrmEntity.Company
            ? (await db.Companies.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken)).Cast<ICrmRecord>().ToDictionary(r => r.Id)
            : (await db.Persons.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken)).Cast<ICrmRecord>().ToDictionary(r => r.Id);
        var candidates = wanted.ToDictionary(p => p.Key,
            p => p.Value.Where(id => records.TryGetValue(id, out var record) && CrmIndex.Matches(record, duplicateKeys[p.Key], settings)).Select(id => records[id]).ToList(),
            StringComparer.Ordinal);
        var takenMatches = wanted.Where(p => p.Value.Any(taken.Contains)).ToDictionary(p => p.Key, p => p.Value.First(taken.Contains), StringComparer.Ordinal);
        var parents = new Dictionary<string, int>(StringComparer.Ordinal);
        if (entity == CrmEntity.Person)
        {
            var parentKeys = page.Where(a => a.ParentKey is not null).Select(a => a.ParentKey!).Distinct().ToList();
            foreach (var l in await db.Links.AsNoTracking().Where(l => l.ConnectionId == connectionId && l.CrmEntity == CrmEntity.Company && parentKeys.Contains(l.ErpKey))
                .Select(l => new { l.ErpKey, l.CrmRecordId }).ToListAsync(cancellationToken))
            {
                parents[l.ErpKey] = l.CrmRecordId;
            }
        }

        return new PageContext(entity, linked, candidates, parents, takenMatches, duplicateKeys);
    }

    /// <summary>Runs (or resumes) a job to the end or until cancelled; each page is one transaction with its links and rows.</summary>
    public async Task RunAsync(int jobId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.IsSyncWrite = true;
        var before = await db.Set<ImportJob>().AsNoTracking().Where(j => j.Id == jobId).Select(j => (ImportJobState?)j.State).FirstOrDefaultAsync(cancellationToken);
        // One holder per run, not per process: two runs in one process must not share a lease either.
        var holder = $"{Sync.SyncEngine.NodeName}/{Guid.NewGuid():N}";
        if (before is not (ImportJobState.Queued or ImportJobState.Running) || !await ClaimAsync(db, jobId, holder, cancellationToken))
        {
            // Ended, or another node (a second server, the command line) holds it: that one reports the progress.
            return;
        }

        var job = await FindAsync(db, jobId, cancellationToken);
        if (before == ImportJobState.Running)
        {
            // Resumed after the server stopped: committed pages stay; their actors are linked now and come back as unchanged.
            job.Done = 0;
            job.Unchanged = 0;
        }

        job.State = ImportJobState.Running;
        job.StartedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            var settings = JsonSerializer.Deserialize<ImportSettings>(job.SettingsJson) ?? new ImportSettings();
            var selection = JsonSerializer.Deserialize<ImportSelection>(job.SelectionJson) ?? new ImportSelection();
            var picks = JsonSerializer.Deserialize<Dictionary<string, int>>(job.PicksJson) ?? [];
            var excluded = (JsonSerializer.Deserialize<List<string>>(job.ExcludedJson) ?? []).ToHashSet(StringComparer.Ordinal);
            var (connection, type) = await LoadAsync(db, job.ConnectionId, job.ActorType, cancellationToken);
            var session = await OpenAsync(connection, cancellationToken);
            var fields = SyncSetup.Fields(type);
            if (job.Total is null)
            {
                job.Total = await CountAsync(session, job.ActorType, selection, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            var index = await CrmIndex.BuildAsync(db, type.CrmEntity, settings, cancellationToken);
            var runKeys = new RunKeys();
            var parentCompanies = new ParentCompanies();
            await foreach (var page in PagePrefetch.AheadAsync(PagesAsync(session, job.ActorType, selection, SyncSetup.FieldKeys(fields), cancellationToken), cancellationToken))
            {
                await db.Entry(job).ReloadAsync(cancellationToken);
                if (job.CancelRequested)
                {
                    break;
                }

                fields = await ImportPageAsync(db, session, job, holder, connection.Id, type, fields, page, index, runKeys, parentCompanies, settings, picks, excluded, cancellationToken);
            }

            job.State = job.CancelRequested ? ImportJobState.Cancelled : ImportJobState.Completed;
            job.Total ??= job.Done;
        }
        catch (LeaseLostException)
        {
            return;
        }
        catch (Exception ex) when (ex is UserErrorException or ConnectorException or DbUpdateException)
        {
            db.ChangeTracker.Clear();
            job = await FindAsync(db, jobId, CancellationToken.None);
            job.State = ImportJobState.Failed;
            job.Message = ex.Message;
        }

        job.EndedAt = time.GetUtcNow();
        job.LeaseUntil = null;
        await using var end = await db.Database.BeginTransactionAsync(CancellationToken.None);
        if (await RenewAsync(db, jobId, holder, CancellationToken.None))
        {
            await db.SaveChangesAsync(CancellationToken.None);
            await end.CommitAsync(CancellationToken.None);
        }
    }

    private async Task<IReadOnlyList<SyncField>> ImportPageAsync(ErpSyncDb db, Session session, ImportJob job, string holder, int connectionId, ActorTypeMapping type,
        IReadOnlyList<SyncField> fields, IReadOnlyList<Actor> page, CrmIndex index, RunKeys runKeys, ParentCompanies run, ImportSettings settings, Dictionary<string, int> picks, HashSet<string> excluded,
        CancellationToken cancellationToken)
    {
        var entity = type.CrmEntity;
        db.ChangeTracker.Clear();
        db.Attach(job);
        var context = await PageContextAsync(db, connectionId, type, page, index, settings, cancellationToken);
        List<(Actor Actor, ImportPlan Plan)> PlanPage() => page.Select(a => (Actor: a, Plan: ImportPlanner.Plan(entity, fields, a, context.LinkedTo(a.Key), context.Candidates(a),
            picks.TryGetValue(a.Key, out var p) ? p : null, settings, context.TakenMatch(a)))).ToList();
        var plans = PlanPage();
        var missing = plans.Where(p => !excluded.Contains(p.Actor.Key) && p.Plan.Outcome is PreviewOutcome.New or PreviewOutcome.Changed)
            .SelectMany(p => p.Plan.MissingItems).DistinctBy(m => (m.Field.Erp.Key, m.ErpKey)).ToList();
        if (missing.Count > 0)
        {
            // Add and map the missing list items, then plan the page again with the new mapping.
            await AddListItemsAsync(db, session, type, missing, cancellationToken);
            db.ChangeTracker.Clear();
            var reloaded = await ConnectionLoader.LoadAsync(db, connectionId, cancellationToken);
            type = reloaded.ActorTypes.First(a => a.Id == type.Id);
            fields = SyncSetup.Fields(type);
            db.Attach(job);
            context = await PageContextAsync(db, connectionId, type, page, index, settings, cancellationToken);
            plans = PlanPage();
        }

        var now = time.GetUtcNow();
        var claimed = new HashSet<int>();
        var parentLinks = new Dictionary<Company, Link>();
        var parents = entity == CrmEntity.Person && settings.MissingCompany == MissingCompanyAction.CreateFromParent
            ? await ParentCompaniesAsync(db, session, connectionId, parentLinks, plans.Where(p => p.Plan.Outcome == PreviewOutcome.New && !excluded.Contains(p.Actor.Key)
                && p.Actor.ParentKey is { } parent && !context.Parents.ContainsKey(parent) && run.Known(parent) is null).Select(p => p.Actor).ToList(), run, settings, now, cancellationToken)
            : [];
        job.ParentCompaniesCreated += parents.Values.Distinct().Count(c => db.Entry(c).State == EntityState.Added);
        var rows = new List<ImportJobRow>();
        var pending = new List<(Actor Actor, ImportPlan Plan, ICrmRecord Record, ImportJobRow Row)>();
        foreach (var (actor, plan) in plans)
        {
            job.Done++;
            ImportJobRow Row(ImportRowOutcome outcome, int? id, string? reason)
            {
                var row = new ImportJobRow { ImportJobId = job.Id, ErpKey = actor.Key, DisplayName = Truncate(actor.DisplayName, 300), Outcome = outcome, CrmRecordId = id, Reason = Truncate(reason, 2000) };
                rows.Add(row);
                return row;
            }

            if (excluded.Contains(actor.Key))
            {
                job.Skipped++;
                Row(ImportRowOutcome.Skipped, null, T("Unchecked in the preview.", "Uitgevinkt in het voorbeeld."));
                continue;
            }

            switch (plan.Outcome)
            {
                case PreviewOutcome.Unchanged when plan.Target is null:
                    job.Unchanged++;
                    continue;
                case PreviewOutcome.Skipped:
                    job.Skipped++;
                    Row(ImportRowOutcome.Skipped, plan.Target?.Id, plan.Reason);
                    continue;
                case PreviewOutcome.Ambiguous:
                    job.Skipped++;
                    Row(ImportRowOutcome.Skipped, null, plan.Reason);
                    continue;
                case PreviewOutcome.New when settings.OnMatch != DuplicateAction.AddAlways && runKeys.IsClaimed(context.DuplicateKey(actor), out var duplicate):
                    job.Skipped++;
                    Row(ImportRowOutcome.Skipped, null, duplicate);
                    continue;
            }

            ICrmRecord record;
            Company? own = null;
            if (plan.Target is { } target)
            {
                if (!claimed.Add(target.Id))
                {
                    job.Skipped++;
                    Row(ImportRowOutcome.Skipped, target.Id, AlsoMatchedReason(target.Id));
                    continue;
                }

                record = target;
            }
            else if (entity == CrmEntity.Company)
            {
                record = db.Companies.Add(new Company { Name = "", CreatedAt = now, UpdatedAt = now }).Entity;
            }
            else
            {
                var companyId = actor.ParentKey is { } parent ? context.Parents.TryGetValue(parent, out var id) ? id : run.Known(parent) : null;
                if (companyId is null)
                {
                    if (actor.ParentKey is not null && parents.TryGetValue(actor.ParentKey, out var company))
                    {
                        record = db.Persons.Add(new Person { LastName = "", Company = company, CreatedAt = now, UpdatedAt = now }).Entity;
                    }
                    else if (actor.ParentKey is null && settings.MissingCompany == MissingCompanyAction.CreateFromParent)
                    {
                        // An ERP contact without any company: the spec's "create a company from the contact name".
                        own = db.Companies.Add(new Company { Name = Truncate(actor.DisplayName, Company.NameMaxLength) ?? actor.Key, CreatedAt = now, UpdatedAt = now }).Entity;
                        record = db.Persons.Add(new Person { LastName = "", Company = own, CreatedAt = now, UpdatedAt = now }).Entity;
                    }
                    else
                    {
                        job.Skipped++;
                        Row(ImportRowOutcome.Skipped, null, T("The company of this person is not in the CRM.", "Het bedrijf van deze persoon staat niet in het CRM."));
                        continue;
                    }
                }
                else
                {
                    record = db.Persons.Add(new Person { LastName = "", CompanyId = companyId.Value, CreatedAt = now, UpdatedAt = now }).Entity;
                }
            }

            foreach (var (crmField, value) in plan.Writes)
            {
                CrmFieldAccess.Set(entity, record, crmField, value);
            }

            if (record is Person { PrivacyBasis: LegalBasis.None } person)
            {
                person.PrivacyBasis = settings.EffectivePrivacyBasis;
                person.PrivacySource = Truncate(settings.EffectivePrivacySource, Privacy.SourceMaxLength);
                person.PrivacyRecordedAt = now;
            }

            var error = Validate(record);
            if (error is not null)
            {
                if (plan.Target is null)
                {
                    db.Entry(record).State = EntityState.Detached;
                    if (own is not null)
                    {
                        db.Entry(own).State = EntityState.Detached;
                    }
                }
                else
                {
                    await db.Entry(record).ReloadAsync(cancellationToken);
                }

                job.Failed++;
                Row(ImportRowOutcome.Failed, plan.Target?.Id, error);
                continue;
            }

            if (plan.Target is null)
            {
                job.Created++;
                job.ParentCompaniesCreated += own is null ? 0 : 1;
                if (settings.OnMatch != DuplicateAction.AddAlways)
                {
                    // Claimed only now: a row that was skipped or failed must not block a later one with its key.
                    runKeys.Claim(context.DuplicateKey(actor), actor.Key);
                }
            }
            else
            {
                job.Updated++;
            }

            pending.Add((actor, plan, record, Row(plan.Target is null ? ImportRowOutcome.Created : ImportRowOutcome.Updated, plan.Target?.Id, null)));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await RenewAsync(db, job.Id, holder, cancellationToken))
        {
            throw new LeaseLostException();
        }

        await SaveOverConcurrentEditsAsync(db, job, pending, cancellationToken);
        var links = new List<Link>(pending.Count);
        foreach (var (actor, plan, record, row) in pending)
        {
            row.CrmRecordId = record.Id;
            var link = LinkBase.NewLink(connectionId, entity, record.Id, actor.Type, actor.Key, actor.Version, plan.Base, now);
            link.CrmChangeSeq = record.ChangeSeq;
            links.Add(link);
        }

        foreach (var (company, link) in parents.Values.Distinct().Select(c => (c, parentLinks.GetValueOrDefault(c))))
        {
            if (link is not null && company.Id != 0)
            {
                link.CrmRecordId = company.Id;
                link.CrmChangeSeq = company.ChangeSeq;
                links.Add(link);
            }
        }

        foreach (var (parentKey, company) in parents)
        {
            run.Remember(parentKey, company.Id);
        }

        // Nobody reads these rows' ids back: multi-row statements instead of EF's one per row on SQLite.
        await BulkInsert.InsertAsync(db, links, cancellationToken);
        await BulkInsert.InsertAsync(db, rows, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        runKeys.Committed(pending.Where(p => p.Plan.Target is null).Select(p => (context.DuplicateKey(p.Actor), p.Record.Id)));
        return fields;
    }

    /// <summary>
    /// Saves the page's CRM records. A matched record that a user (or a sync) changed after the page read it is not
    /// overwritten and does not fail the whole import: its row becomes Failed with the reason, it is not linked, and the
    /// rest of the page is saved (EF rolls back to its savepoint, so the retry starts clean).
    /// </summary>
    private static Task SaveOverConcurrentEditsAsync(ErpSyncDb db, ImportJob job, List<(Actor Actor, ImportPlan Plan, ICrmRecord Record, ImportJobRow Row)> pending,
        CancellationToken cancellationToken) =>
        StaleRecords.SaveAsync(db, entry =>
        {
            var index = pending.FindIndex(p => ReferenceEquals(p.Record, entry.Entity));
            if (index >= 0)
            {
                var row = pending[index].Row;
                pending.RemoveAt(index);
                row.Outcome = ImportRowOutcome.Failed;
                row.Reason = T("The CRM record was changed while the import ran; run the import again for it.",
                    "Het CRM-record is gewijzigd terwijl de import liep; importeer het opnieuw.");
                job.Updated--;
                job.Failed++;
            }

            return Task.CompletedTask;
        }, pending.Count + 1, cancellationToken);

    private static string? Validate(ICrmRecord record) => record switch
    {
        Company { Name: var name } when string.IsNullOrWhiteSpace(name) => T("The company has no name.", "Het bedrijf heeft geen naam."),
        Company { Name.Length: > Company.NameMaxLength } => T("The company name is too long.", "De bedrijfsnaam is te lang."),
        Person { LastName: var last } when string.IsNullOrWhiteSpace(last) => T("The person has no last name.", "De persoon heeft geen achternaam."),
        _ => null,
    };

    private static string AlsoMatchedReason(int crmRecordId) => T($"CRM record {crmRecordId} matches another ERP record of this import too.",
        $"CRM-record {crmRecordId} komt ook overeen met een ander ERP-record van deze import.");

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];

    private static async Task AddListItemsAsync(ErpSyncDb db, Session session, ActorTypeMapping type, IReadOnlyList<(SyncField Field, string ErpKey)> missing,
        CancellationToken cancellationToken)
    {
        foreach (var group in missing.GroupBy(m => m.Field))
        {
            var field = group.Key;
            var list = await db.Lists.Include(l => l.Items).FirstOrDefaultAsync(l => l.Key == field.Crm.ListKey, cancellationToken);
            var mapping = type.Fields.FirstOrDefault(f => f.FieldKey == field.Erp.Key);
            if (list is null || mapping is null)
            {
                continue;
            }

            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            if (session.Connector is IListProvider provider && field.Erp.ListName is { } listName)
            {
                var items = await provider.GetListItemsAsync(session.Context, listName, group.Select(g => g.ErpKey).ToList(), cancellationToken);
                foreach (var item in items.IsOk ? items.Value : [])
                {
                    texts[item.Key] = item.Text;
                }
            }

            foreach (var (_, erpKey) in group)
            {
                var name = texts.GetValueOrDefault(erpKey, erpKey);
                var item = list.Items.FirstOrDefault(i => !i.IsDeleted && string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase))
                    ?? db.ListItems.Add(new CrmListItem { ListId = list.Id, Name = name, Code = erpKey, Rank = list.Items.Count == 0 ? 1 : list.Items.Max(i => i.Rank) + 1 }).Entity;
                await db.SaveChangesAsync(cancellationToken);
                var existing = await db.ListItemMappings.FirstOrDefaultAsync(m => m.FieldMappingId == mapping.Id && m.ErpItemKey == erpKey, cancellationToken);
                if (existing is null)
                {
                    db.ListItemMappings.Add(new ListItemMapping { FieldMappingId = mapping.Id, ErpItemKey = erpKey, CrmListItemId = item.Id });
                }
                else
                {
                    existing.CrmListItemId = item.Id;
                }

                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }
}
