namespace ErpSync.Connectors.Tryton;

/// <summary>One party's latest change among the rows read: the party itself or one of its children.</summary>
internal readonly record struct PartyChange(DateTime Timestamp, long PartyId);

/// <summary>Orders change rows into the feed's keyset order (pure).</summary>
internal static class ChangeSelector
{
    /// <summary>
    /// Folds change rows (a party and its addresses, contact mechanisms, identifiers and relations, each mapped to
    /// the party) into one change per party at its latest time, keeps those after <paramref name="cursor"/> and
    /// sorts them by <c>(timestamp, party id)</c>. One party is delivered once per pass, however many rows changed.
    /// </summary>
    public static IReadOnlyList<PartyChange> Order(IEnumerable<PartyChange> rows, ChangeCursor cursor)
    {
        var latest = new Dictionary<long, DateTime>();
        foreach (var row in rows)
        {
            if (!latest.TryGetValue(row.PartyId, out var seen) || row.Timestamp > seen)
            {
                latest[row.PartyId] = row.Timestamp;
            }
        }

        return latest.Select(p => new PartyChange(p.Value, p.Key))
            .Where(c => cursor.Admits(c.Timestamp, c.PartyId))
            .OrderBy(c => c.Timestamp).ThenBy(c => c.PartyId)
            .ToArray();
    }
}
