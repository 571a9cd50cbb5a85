using System.Globalization;

namespace ErpSync.Engine.Mapping;

/// <summary>
/// The sync priority order (functional-spec §3.11): connection ids, highest first, with <see cref="Crm"/> (0) for the
/// CRM itself. Pure parsing and ordering.
/// </summary>
public static class SyncPriority
{
    public const int Crm = 0;

    /// <summary>The full order: the stored ids that still exist, then connections not yet listed, by name.</summary>
    public static IReadOnlyList<int> Order(string stored, IEnumerable<(int Id, string Name)> connections)
    {
        var known = connections.ToList();
        var ids = known.Select(c => c.Id).Append(Crm).ToHashSet();
        var listed = Parse(stored).Where(ids.Contains).Distinct().ToList();
        if (!listed.Contains(Crm))
        {
            listed.Insert(0, Crm);
        }

        listed.AddRange(known.Where(c => !listed.Contains(c.Id)).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).Select(c => c.Id));
        return listed;
    }

    public static string Format(IEnumerable<int> order) => string.Join(';', order.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    private static IEnumerable<int> Parse(string stored) =>
        stored.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : -1)
            .Where(id => id >= 0);
}
