using ErpSync.Engine.Connections;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Sync;

/// <summary>Loads CRM records of any synced entity by id, and finds those changed since a sequence number.</summary>
internal static class CrmRecords
{
    public static async Task<Dictionary<int, ICrmRecord>> LoadAsync(ErpSyncDb db, CrmEntity entity, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) => entity switch
    {
        CrmEntity.Company => (await db.Companies.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken)).ToDictionary(c => c.Id, c => (ICrmRecord)c),
        CrmEntity.Person => (await db.Persons.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken)).ToDictionary(p => p.Id, p => (ICrmRecord)p),
        _ => (await db.Projects.Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken)).ToDictionary(p => p.Id, p => (ICrmRecord)p),
    };

    /// <summary>Records changed after <paramref name="sequence"/>, with their current sequence — an index range scan on ChangeSeq.</summary>
    public static async Task<Dictionary<int, long>> ChangedSinceAsync(ErpSyncDb db, CrmEntity entity, long sequence, CancellationToken cancellationToken) => entity switch
    {
        CrmEntity.Company => await db.Companies.Where(c => c.ChangeSeq > sequence).ToDictionaryAsync(c => c.Id, c => c.ChangeSeq, cancellationToken),
        CrmEntity.Person => await db.Persons.Where(p => p.ChangeSeq > sequence).ToDictionaryAsync(p => p.Id, p => p.ChangeSeq, cancellationToken),
        _ => await db.Projects.Where(p => p.ChangeSeq > sequence).ToDictionaryAsync(p => p.Id, p => p.ChangeSeq, cancellationToken),
    };

    public static async Task<long> MaxSequenceAsync(ErpSyncDb db, CancellationToken cancellationToken) =>
        await db.CrmSequences.Where(s => s.Id == 1).Select(s => s.Value).FirstAsync(cancellationToken);
}
