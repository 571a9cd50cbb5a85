using ErpSync.Engine.Connections;
using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Mapping;

/// <summary>One line of the "Set sync priority" dialog.</summary>
public sealed record PriorityEntry(int ConnectionId, string Name, bool IsCrm, bool IsActive);

/// <summary>The "Set sync priority" dialog, shared by the API and the page.</summary>
public sealed class PriorityAdmin(IDbContextFactory<ErpSyncDb> dbFactory)
{
    public async Task<IReadOnlyList<PriorityEntry>> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.SyncSettings.FirstAsync(cancellationToken);
        var entries = await db.Connections.Where(c => !c.IsDeleted)
            .Select(c => new PriorityEntry(c.Id, c.Name, false, c.IsActive)).ToDictionaryAsync(e => e.ConnectionId, cancellationToken);
        entries[SyncPriority.Crm] = new PriorityEntry(SyncPriority.Crm, T("CRM (ErpSync)", "CRM (ErpSync)"), IsCrm: true, IsActive: true);
        return SyncPriority.Order(settings.PriorityOrder, entries.Values.Where(e => !e.IsCrm).Select(e => (e.ConnectionId, e.Name)))
            .Select(id => entries[id]).ToList();
    }

    /// <summary>Saves a new order; it must name the CRM (0) and every connection that is not deleted, once each.</summary>
    public async Task<IReadOnlyList<PriorityEntry>> SaveAsync(IReadOnlyList<int> order, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var ids = await db.Connections.Where(c => !c.IsDeleted).Select(c => c.Id).ToListAsync(cancellationToken);
            var expected = ids.Append(SyncPriority.Crm).Order().ToList();
            if (!order.Order().SequenceEqual(expected))
            {
                throw UserErrorException.Field("order", T("List the CRM (0) and every ERP connection exactly once.", "Noem het CRM (0) en elke ERP-verbinding precies één keer."));
            }

            var settings = await db.SyncSettings.FirstAsync(cancellationToken);
            settings.PriorityOrder = SyncPriority.Format(order);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await GetAsync(cancellationToken);
    }
}
