using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Data;
using ErpSync.Engine.Links;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Sync;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Import;

/// <summary>What a person import run knows about parent companies beyond the links: those it created or matched itself.</summary>
internal sealed class ParentCompanies
{
    private readonly Dictionary<string, int> _known = new(StringComparer.Ordinal);
    private CrmIndex? _index;

    /// <summary>The CRM company this run already made or found for the parent ERP record.</summary>
    public int? Known(string parentKey) => _known.TryGetValue(parentKey, out var id) ? id : null;

    public void Remember(string parentKey, int companyId)
    {
        if (companyId != 0)
        {
            _known[parentKey] = companyId;
        }
    }

    private Connection? _connection;

    /// <summary>The connection's mappings, read once per run on first need (the parents' actor types and fields).</summary>
    public async Task<Connection> ConnectionAsync(ErpSyncDb db, int connectionId, CancellationToken cancellationToken) =>
        _connection ??= await ConnectionLoader.LoadAsync(db, connectionId, cancellationToken);

    /// <summary>The company duplicate keys, built on first need (most person imports find every company linked).</summary>
    public async Task<CrmIndex> IndexAsync(ErpSyncDb db, ImportSettings settings, CancellationToken cancellationToken) =>
        _index ??= await CrmIndex.BuildAsync(db, CrmEntity.Company, settings, cancellationToken);
}

public sealed partial class ImportAdmin
{
    /// <summary>
    /// For new persons whose company is not in the CRM: the parent ERP actors as CRM companies (not saved yet). A parent
    /// that matches exactly one unlinked CRM company by the company duplicate key gets that company; otherwise a new one
    /// is made. When the parent's actor type is synced to companies in this connection the company gets a link (so it syncs
    /// and later persons find it) and a new one gets the mapped values; otherwise it only gets the parent's name.
    /// </summary>
    private static async Task<Dictionary<string, Company>> ParentCompaniesAsync(ErpSyncDb db, Session session, int connectionId, Dictionary<Company, Link> links,
        IReadOnlyList<Actor> persons, ParentCompanies run, ImportSettings settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Company>(StringComparer.Ordinal);
        if (persons.Count == 0)
        {
            return result;
        }

        var connection = await run.ConnectionAsync(db, connectionId, cancellationToken);
        foreach (var group in persons.GroupBy(p => p.ParentType ?? ActorType.Customer))
        {
            var type = ImportableTypes(connection).FirstOrDefault(a => a.ActorType == group.Key && a.CrmEntity == CrmEntity.Company);
            var fields = type is null ? [] : SyncSetup.Fields(type);
            var keys = group.Select(p => p.ParentKey!).Distinct(StringComparer.Ordinal).ToList();
            var actors = await session.Connector.GetActorsAsync(session.Context, new GetActorsRequest(group.Key, keys, SyncSetup.FieldKeys(fields)), cancellationToken);
            var parents = (actors.IsOk ? actors.Value : []).Select(parent => (Parent: parent, Plan: type is null ? null
                : ImportPlanner.Plan(CrmEntity.Company, fields, parent, null, [], null, new ImportSettings(CompanyMatch: CompanyMatchKey.None, UnmappedList: UnmappedListAction.LeaveBlank)))).ToList();
            var existing = await ExistingCompaniesAsync(db, connectionId, parents, run, settings, cancellationToken);
            foreach (var (parent, plan) in parents)
            {
                var company = existing.GetValueOrDefault(parent.Key);
                if (company is null)
                {
                    company = new Company { Name = Truncate(parent.DisplayName, Company.NameMaxLength) ?? parent.Key, CreatedAt = now, UpdatedAt = now };
                    foreach (var (crmField, value) in plan?.Writes ?? new Dictionary<string, object?>())
                    {
                        CrmFieldAccess.Set(CrmEntity.Company, company, crmField, value);
                    }

                    if (string.IsNullOrWhiteSpace(company.Name))
                    {
                        company.Name = parent.DisplayName ?? parent.Key;
                    }

                    db.Companies.Add(company);
                }

                if (plan is not null)
                {
                    // The company's id and change sequence are filled in once it is saved.
                    links[company] = LinkBase.NewLink(connectionId, CrmEntity.Company, 0, group.Key, parent.Key, parent.Version, plan.Base, now);
                }

                result[parent.Key] = company;
            }
        }

        return result;
    }

    /// <summary>
    /// Per parent ERP key: the one unlinked CRM company with the parent's duplicate key, if there is exactly one — for a
    /// whole page in two queries. A company goes to one parent only (a link is one CRM record to one ERP record).
    /// </summary>
    private static async Task<Dictionary<string, Company>> ExistingCompaniesAsync(ErpSyncDb db, int connectionId, IReadOnlyList<(Actor Parent, ImportPlan? Plan)> parents,
        ParentCompanies run, ImportSettings settings, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Company>(StringComparer.Ordinal);
        if (settings.CompanyMatch == CompanyMatchKey.None || parents.Count == 0)
        {
            return result;
        }

        var index = await run.IndexAsync(db, settings, cancellationToken);
        var wanted = new List<(string ParentKey, string Key, IReadOnlyList<int> Ids)>();
        foreach (var (parent, plan) in parents)
        {
            var key = plan is null
                ? settings.CompanyMatch == CompanyMatchKey.Name ? DuplicateKeys.Name(parent.DisplayName) : null
                : DuplicateKeys.Of(CrmEntity.Company, settings, field => plan.Writes.GetValueOrDefault(field));
            if (key is not null && index.Find(key) is { Count: > 0 } candidates)
            {
                wanted.Add((parent.Key, key, candidates));
            }
        }

        var all = wanted.SelectMany(w => w.Ids).Distinct().ToList();
        if (all.Count == 0)
        {
            return result;
        }

        var linked = (await db.Links.AsNoTracking().Where(l => l.ConnectionId == connectionId && l.CrmEntity == CrmEntity.Company && all.Contains(l.CrmRecordId))
            .Select(l => l.CrmRecordId).ToListAsync(cancellationToken)).ToHashSet();
        var single = wanted.Select(w => (w.ParentKey, w.Key, Free: w.Ids.Where(id => !linked.Contains(id)).ToList())).Where(w => w.Free.Count == 1).ToList();
        var ids = single.Select(w => w.Free[0]).Distinct().ToList();
        var companies = await db.Companies.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var taken = new HashSet<int>();
        foreach (var (parentKey, key, free) in single)
        {
            if (companies.TryGetValue(free[0], out var company) && CrmIndex.Matches(company, key, settings) && taken.Add(company.Id))
            {
                result[parentKey] = company;
            }
        }

        return result;
    }
}
