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

/// <summary>The duplicate keys of every CRM record of an entity (key columns only), normalised.</summary>
internal sealed class CrmIndex
{
    private readonly Dictionary<string, List<int>> _ids = new(StringComparer.Ordinal);

    public static async Task<CrmIndex> BuildAsync(ErpSyncDb db, CrmEntity entity, ImportSettings settings, CancellationToken cancellationToken)
    {
        var index = new CrmIndex();
        if (entity == CrmEntity.Company && settings.CompanyMatch != CompanyMatchKey.None)
        {
            await foreach (var c in db.Companies.AsNoTracking().Select(c => new { c.Id, c.Name, c.Department, c.Number, c.Code, c.VatNumber }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                index.Add(DuplicateKeys.Company(settings.CompanyMatch, c.Name, c.Department, c.Number, c.Code, c.VatNumber), c.Id);
            }
        }
        else if (entity == CrmEntity.Person && settings.PersonMatch != PersonMatchKey.None)
        {
            await foreach (var p in db.Persons.AsNoTracking().Select(p => new { p.Id, p.FirstName, p.MiddleName, p.LastName, p.Email, p.PhoneMobile }).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                index.Add(DuplicateKeys.Person(settings.PersonMatch, p.FirstName, p.MiddleName, p.LastName, p.Email, p.PhoneMobile), p.Id);
            }
        }

        return index;
    }

    public void Add(string? key, int id)
    {
        if (key is null)
        {
            return;
        }

        if (!_ids.TryGetValue(key, out var list))
        {
            _ids[key] = list = [];
        }

        list.Add(id);
    }

    public IReadOnlyList<int> Find(string? key) => key is not null && _ids.TryGetValue(key, out var list) ? list : [];
}

/// <summary>What one page needs from the CRM: existing links of its actors and its candidate records (tracked).</summary>
internal sealed class PageContext(CrmEntity entity, Dictionary<string, int> linked, Dictionary<string, List<ICrmRecord>> candidates, Dictionary<string, int> parents)
{
    public Dictionary<string, int> Linked => linked;

    public int? LinkedTo(string erpKey) => linked.TryGetValue(erpKey, out var id) ? id : null;

    /// <summary>ERP key of a parent actor → linked CRM company id.</summary>
    public Dictionary<string, int> Parents => parents;

    public IReadOnlyList<ICrmRecord> Candidates(Actor actor, IReadOnlyList<SyncField> fields, ImportSettings settings) =>
        candidates.TryGetValue(actor.Key, out var list) ? list : [];

    public CrmEntity Entity => entity;
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
        var wanted = page.Where(a => !linked.ContainsKey(a.Key)).ToDictionary(a => a.Key, a => index.Find(ErpKeyOf(entity, fields, a, settings)), StringComparer.Ordinal);
        var ids = wanted.Values.SelectMany(v => v).Distinct().ToList();
        var taken = (await db.Links.AsNoTracking().Where(l => l.ConnectionId == connectionId && l.CrmEntity == entity && ids.Contains(l.CrmRecordId)).Select(l => l.CrmRecordId)
            .ToListAsync(cancellationToken)).ToHashSet();
        ids.RemoveAll(taken.Contains);
        var records = entity == CrmEntity.Company
            ? (await db.Companies.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken)).Cast<ICrmRecord>().ToDictionary(r => r.Id)
            : (await db.Persons.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken)).Cast<ICrmRecord>().ToDictionary(r => r.Id);
        var candidates = wanted.ToDictionary(p => p.Key, p => p.Value.Where(records.ContainsKey).Select(id => records[id]).ToList(), StringComparer.Ordinal);
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

        return new PageContext(entity, linked, candidates, parents);
    }

    /// <summary>Runs (or resumes) a job to the end or until cancelled; each page is one transaction with its links and rows.</summary>
    public async Task RunAsync(int jobId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.IsSyncWrite = true;
        var job = await FindAsync(db, jobId, cancellationToken);
        if (job.State is not (ImportJobState.Queued or ImportJobState.Running))
        {
            return;
        }

        if (job.State == ImportJobState.Running)
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
            await foreach (var page in PagePrefetch.AheadAsync(PagesAsync(session, job.ActorType, selection, SyncSetup.FieldKeys(fields), cancellationToken), cancellationToken))
            {
                await db.Entry(job).ReloadAsync(cancellationToken);
                if (job.CancelRequested)
                {
                    break;
                }

                fields = await ImportPageAsync(db, session, job, connection.Id, type, fields, page, index, settings, picks, excluded, cancellationToken);
            }

            job.State = job.CancelRequested ? ImportJobState.Cancelled : ImportJobState.Completed;
            job.Total ??= job.Done;
        }
        catch (Exception ex) when (ex is UserErrorException or ConnectorException or DbUpdateException)
        {
            db.ChangeTracker.Clear();
            job = await FindAsync(db, jobId, CancellationToken.None);
            job.State = ImportJobState.Failed;
            job.Message = ex.Message;
        }

        job.EndedAt = time.GetUtcNow();
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task<IReadOnlyList<SyncField>> ImportPageAsync(ErpSyncDb db, Session session, ImportJob job, int connectionId, ActorTypeMapping type,
        IReadOnlyList<SyncField> fields, IReadOnlyList<Actor> page, CrmIndex index, ImportSettings settings, Dictionary<string, int> picks, HashSet<string> excluded,
        CancellationToken cancellationToken)
    {
        var entity = type.CrmEntity;
        db.ChangeTracker.Clear();
        db.Attach(job);
        var context = await PageContextAsync(db, connectionId, type, page, index, settings, cancellationToken);
        var plans = page.Select(a => (Actor: a, Plan: ImportPlanner.Plan(entity, fields, a, context.LinkedTo(a.Key), context.Candidates(a, fields, settings),
            picks.TryGetValue(a.Key, out var p) ? p : null, settings))).ToList();
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
            plans = page.Select(a => (Actor: a, Plan: ImportPlanner.Plan(entity, fields, a, context.LinkedTo(a.Key), context.Candidates(a, fields, settings),
                picks.TryGetValue(a.Key, out var p) ? p : null, settings))).ToList();
        }

        var now = time.GetUtcNow();
        var claimed = new HashSet<int>();
        var parentLinks = new Dictionary<Company, Link>();
        var parents = entity == CrmEntity.Person && settings.MissingCompany == MissingCompanyAction.CreateFromParent
            ? await ParentCompaniesAsync(db, session, connectionId, parentLinks, page.Where(a => !excluded.Contains(a.Key) && a.ParentKey is not null && !context.Parents.ContainsKey(a.ParentKey)).ToList(), now, cancellationToken)
            : [];
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
            }

            ICrmRecord record;
            if (plan.Target is { } target)
            {
                if (!claimed.Add(target.Id))
                {
                    job.Skipped++;
                    Row(ImportRowOutcome.Skipped, target.Id, T($"CRM record {target.Id} matches another ERP record of this import too.",
                        $"CRM-record {target.Id} komt ook overeen met een ander ERP-record van deze import."));
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
                var companyId = actor.ParentKey is { } parent && context.Parents.TryGetValue(parent, out var id) ? id : (int?)null;
                if (companyId is null)
                {
                    if (actor.ParentKey is not null && parents.TryGetValue(actor.ParentKey, out var company))
                    {
                        record = db.Persons.Add(new Person { LastName = "", Company = company, CreatedAt = now, UpdatedAt = now }).Entity;
                    }
                    else
                    {
                        job.Skipped++;
                        Row(ImportRowOutcome.Skipped, null, settings.MissingCompany == MissingCompanyAction.ImportWithout
                            ? T("Every CRM person belongs to a company; the company of this person is not in the CRM.", "Elke CRM-persoon hoort bij een bedrijf; het bedrijf van deze persoon staat niet in het CRM.")
                            : T("The company of this person is not in the CRM.", "Het bedrijf van deze persoon staat niet in het CRM."));
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

            var error = Validate(record);
            if (error is not null)
            {
                if (plan.Target is null)
                {
                    db.Entry(record).State = EntityState.Detached;
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
            }
            else
            {
                job.Updated++;
            }

            pending.Add((actor, plan, record, Row(plan.Target is null ? ImportRowOutcome.Created : ImportRowOutcome.Updated, plan.Target?.Id, null)));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (actor, plan, record, row) in pending)
        {
            row.CrmRecordId = record.Id;
            var link = new Link
            {
                ConnectionId = connectionId,
                CrmEntity = entity,
                CrmRecordId = record.Id,
                ActorType = actor.Type,
                ErpKey = actor.Key,
                ErpVersion = actor.Version,
                CrmChangeSeq = record.ChangeSeq,
                CreatedAt = now,
                LastSyncedAt = now,
            };
            LinkBase.Write(link, plan.Base);
            db.Links.Add(link);
        }

        foreach (var (company, link) in parents.Values.Distinct().Select(c => (c, parentLinks.GetValueOrDefault(c))))
        {
            if (link is not null && company.Id != 0)
            {
                link.CrmRecordId = company.Id;
                link.CrmChangeSeq = company.ChangeSeq;
                db.Links.Add(link);
            }
        }

        db.Set<ImportJobRow>().AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return fields;
    }

    /// <summary>
    /// For persons whose company is not in the CRM: the parent ERP actors as new CRM companies (not saved yet). When the
    /// parent's actor type is synced to companies in this connection the company gets its mapped values and a link (so it syncs
    /// and later persons find it); otherwise it only gets the parent's name.
    /// </summary>
    private static async Task<Dictionary<string, Company>> ParentCompaniesAsync(ErpSyncDb db, Session session, int connectionId, Dictionary<Company, Link> links,
        IReadOnlyList<Actor> persons, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Company>(StringComparer.Ordinal);
        var connection = await ConnectionLoader.LoadAsync(db, connectionId, cancellationToken);
        foreach (var group in persons.GroupBy(p => p.ParentType ?? ActorType.Customer))
        {
            var type = ImportableTypes(connection).FirstOrDefault(a => a.ActorType == group.Key && a.CrmEntity == CrmEntity.Company);
            var fields = type is null ? [] : SyncSetup.Fields(type);
            var keys = group.Select(p => p.ParentKey!).Distinct(StringComparer.Ordinal).ToList();
            var actors = await session.Connector.GetActorsAsync(session.Context, new GetActorsRequest(group.Key, keys, SyncSetup.FieldKeys(fields)), cancellationToken);
            foreach (var parent in actors.IsOk ? actors.Value : [])
            {
                var company = new Company { Name = Truncate(parent.DisplayName, Company.NameMaxLength) ?? parent.Key, CreatedAt = now, UpdatedAt = now };
                if (type is not null)
                {
                    var plan = ImportPlanner.Plan(CrmEntity.Company, fields, parent, null, [], null, new ImportSettings(CompanyMatch: CompanyMatchKey.None, UnmappedList: UnmappedListAction.LeaveBlank));
                    foreach (var (crmField, value) in plan.Writes)
                    {
                        CrmFieldAccess.Set(CrmEntity.Company, company, crmField, value);
                    }

                    if (string.IsNullOrWhiteSpace(company.Name))
                    {
                        company.Name = parent.DisplayName ?? parent.Key;
                    }

                    var link = new Link { ConnectionId = connectionId, CrmEntity = CrmEntity.Company, ActorType = group.Key, ErpKey = parent.Key, ErpVersion = parent.Version, CreatedAt = now, LastSyncedAt = now };
                    LinkBase.Write(link, plan.Base);
                    links[company] = link;
                }

                db.Companies.Add(company);
                result[parent.Key] = company;
            }
        }

        return result;
    }

    private static string? Validate(ICrmRecord record) => record switch
    {
        Company { Name: var name } when string.IsNullOrWhiteSpace(name) => T("The company has no name.", "Het bedrijf heeft geen naam."),
        Company { Name.Length: > Company.NameMaxLength } => T("The company name is too long.", "De bedrijfsnaam is te lang."),
        Person { LastName: var last } when string.IsNullOrWhiteSpace(last) => T("The person has no last name.", "De persoon heeft geen achternaam."),
        _ => null,
    };

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
