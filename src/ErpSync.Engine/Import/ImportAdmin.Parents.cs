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

        var connection = await ConnectionLoader.LoadAsync(db, connectionId, cancellationToken);
        foreach (var group in persons.GroupBy(p => p.ParentType ?? ActorType.Customer))
        {
            var type = ImportableTypes(connection).FirstOrDefault(a => a.ActorType == group.Key && a.CrmEntity == CrmEntity.Company);
            var fields = type is null ? [] : SyncSetup.Fields(type);
            var keys = group.Select(p => p.ParentKey!).Distinct(StringComparer.Ordinal).ToList();
            var actors = await session.Connector.GetActorsAsync(session.Context, new GetActorsRequest(group.Key, keys, SyncSetup.FieldKeys(fields)), cancellationToken);
            foreach (var parent in actors.IsOk ? actors.Value : [])
            {
                var plan = type is null ? null
                    : ImportPlanner.Plan(CrmEntity.Company, fields, parent, null, [], null, new ImportSettings(CompanyMatch: CompanyMatchKey.None, UnmappedList: UnmappedListAction.LeaveBlank));
                var company = await ExistingCompanyAsync(db, connectionId, parent, plan, run, settings, cancellationToken);
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
                    var link = new Link { ConnectionId = connectionId, CrmEntity = CrmEntity.Company, ActorType = group.Key, ErpKey = parent.Key, ErpVersion = parent.Version, CreatedAt = now, LastSyncedAt = now };
                    LinkBase.Write(link, plan.Base);
                    links[company] = link;
                }

                result[parent.Key] = company;
            }
        }

        return result;
    }

    /// <summary>The one unlinked CRM company with the parent's duplicate key, if there is exactly one.</summary>
    private static async Task<Company?> ExistingCompanyAsync(ErpSyncDb db, int connectionId, Actor parent, ImportPlan? plan, ParentCompanies run, ImportSettings settings,
        CancellationToken cancellationToken)
    {
        if (settings.CompanyMatch == CompanyMatchKey.None)
        {
            return null;
        }

        var key = plan is null
            ? settings.CompanyMatch == CompanyMatchKey.Name ? DuplicateKeys.Name(parent.DisplayName) : null
            : DuplicateKeys.Of(CrmEntity.Company, settings, field => plan.Writes.GetValueOrDefault(field));
        var ids = (await run.IndexAsync(db, settings, cancellationToken)).Find(key);
        if (key is null || ids.Count == 0)
        {
            return null;
        }

        var idList = ids.ToList();
        var linked = await db.Links.AsNoTracking().Where(l => l.ConnectionId == connectionId && l.CrmEntity == CrmEntity.Company && idList.Contains(l.CrmRecordId))
            .Select(l => l.CrmRecordId).ToListAsync(cancellationToken);
        var free = idList.Except(linked).ToList();
        if (free.Count != 1)
        {
            return null;
        }

        var company = await db.Companies.FirstOrDefaultAsync(c => c.Id == free[0], cancellationToken);
        return company is not null && CrmIndex.Matches(company, key, settings) ? company : null;
    }
}
