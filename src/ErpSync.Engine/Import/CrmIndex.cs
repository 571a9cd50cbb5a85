using ErpSync.Engine.Connections;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Import;

/// <summary>
/// The duplicate keys of every CRM record of an entity, and of the records an import creates, as 64-bit hashes of the
/// normalised key: a million keys cost about 30 MB instead of the strings' 150 MB. A hash collision can only add a
/// candidate, never hide one; candidates are checked against their real key when loaded (<see cref="Matches"/>).
/// </summary>
internal sealed class CrmIndex
{
    private readonly Dictionary<long, int> _single = [];
    private readonly Dictionary<long, List<int>> _more = [];

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

        var hash = Hash(key);
        if (_more.TryGetValue(hash, out var list))
        {
            list.Add(id);
        }
        else if (_single.Remove(hash, out var first))
        {
            _more[hash] = [first, id];
        }
        else
        {
            _single[hash] = id;
        }
    }

    public IReadOnlyList<int> Find(string? key)
    {
        if (key is null)
        {
            return [];
        }

        var hash = Hash(key);
        return _single.TryGetValue(hash, out var id) ? [id] : _more.TryGetValue(hash, out var list) ? list : [];
    }

    /// <summary>True when the record really has the key (rules out a hash collision).</summary>
    public static bool Matches(ICrmRecord record, string key, ImportSettings settings) => record switch
    {
        Company c => DuplicateKeys.Company(settings.CompanyMatch, c) == key,
        Person p => DuplicateKeys.Person(settings.PersonMatch, p) == key,
        _ => false,
    };

    /// <summary>FNV-1a over the UTF-16 code units: stable, allocation-free, and good enough spread for a dictionary key.</summary>
    internal static long Hash(string key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
