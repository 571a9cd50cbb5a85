using System.Globalization;

namespace ErpSync.Connectors.Tryton;

/// <summary>
/// A position in the change feed: the <c>(timestamp, party id)</c> of the last change delivered. <see cref="IsTail"/>
/// marks the cursor of a feed's last page: reading on from it re-reads the overlap window before it, because
/// Tryton stamps changes with their transaction's start, and a transaction still running at the last poll
/// commits changes older than the cursor. Within one pass pages follow each other exactly (keyset order).
/// </summary>
internal sealed record ChangeCursor(DateTime Timestamp, long PartyId, bool IsTail)
{
    private const string Prefix = "t1.";

    public static ChangeCursor Start { get; } = new(DateTime.MinValue, 0, false);

    public string Encode() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Timestamp.Ticks}.{PartyId}.{(IsTail ? 1 : 0)}");

    /// <summary>Decodes a cursor made by <see cref="Encode"/>; null for anything else.</summary>
    public static ChangeCursor? Decode(string text)
    {
        var parts = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..].Split('.') : [];
        return parts.Length == 3
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && parts[2] is "0" or "1"
            ? new ChangeCursor(new DateTime(ticks, DateTimeKind.Utc), id, parts[2] == "1")
            : null;
    }

    /// <summary>The oldest change time the next read must look at.</summary>
    public DateTime ReadFrom(TimeSpan overlap) =>
        IsTail ? (Timestamp.Ticks > overlap.Ticks ? Timestamp - overlap : DateTime.MinValue) : Timestamp;

    /// <summary>Whether a change at <paramref name="timestamp"/> of <paramref name="partyId"/> comes after this cursor.</summary>
    public bool Admits(DateTime timestamp, long partyId) =>
        IsTail ? true : timestamp > Timestamp || (timestamp == Timestamp && partyId > PartyId);
}
