using System.Collections.Concurrent;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ErpSync.Engine.Sync;

/// <summary>
/// The deletion sweep (ADR 0011): change feeds of ERPs without a delete log (Tryton) never report a deleted record,
/// so now and then the engine asks for every linked key with <see cref="ISyncConnector.GetActorsAsync"/>, whose
/// contract leaves out keys that do not exist, and treats the left-out ones as tombstones.
/// </summary>
public sealed partial class SyncEngine
{
    /// <summary>How often a scheduled run sweeps a connection; "sync now" always sweeps.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromHours(1);

    /// <summary>Below this many links a type's sweep may find all of them gone; above it, that looks like a misconfiguration.</summary>
    private const int SuspiciousAllMissing = 20;

    // Per process: after a restart the first scheduled run sweeps, which is cheap enough and never wrong.
    private readonly ConcurrentDictionary<int, DateTimeOffset> _lastSweep = new();

    /// <summary>Whether this run sweeps (pure apart from the clock): manual runs always, scheduled ones once per <see cref="SweepInterval"/>.</summary>
    internal static bool SweepDue(SyncRunKind kind, DateTimeOffset? lastSweep, DateTimeOffset now) => kind switch
    {
        SyncRunKind.Manual => true,
        SyncRunKind.Scheduled => lastSweep is null || now - lastSweep.Value >= SweepInterval,
        _ => false,
    };

    private bool StartSweep(int connectionId, SyncRunKind kind, ConnectorCapabilities capabilities)
    {
        if (capabilities.HasFlag(ConnectorCapabilities.DeleteLog))
        {
            // Its change feed already reports every delete: a sweep would only cost one read per hundred links.
            return false;
        }

        return SweepDue(kind, _lastSweep.TryGetValue(connectionId, out var last) ? last : null, time.GetUtcNow());
    }

    /// <summary>Records a completed sweep; a run that failed sweeps again next time.</summary>
    private void Swept(int connectionId) => _lastSweep[connectionId] = time.GetUtcNow();

    /// <summary>Tombstones for linked keys of <paramref name="type"/> the ERP no longer has, except those the feed already reported.</summary>
    private async Task<List<Tombstone>> SweepDeletedAsync(ErpSyncDb db, SyncSession session, ActorTypeMapping type, IReadOnlySet<string> reported, CancellationToken cancellationToken)
    {
        var connectionId = session.Connection.Id;
        var keys = (await db.Links.Where(l => l.ConnectionId == connectionId && l.ActorType == type.ActorType).Select(l => l.ErpKey).ToListAsync(cancellationToken))
            .Where(k => !reported.Contains(k)).Distinct(StringComparer.Ordinal).ToList();
        var missing = new List<string>();
        foreach (var chunk in keys.Chunk(BatchSize))
        {
            // No fields: only existence matters, and connectors may read less.
            var found = (await session.Connector.GetActorsAsync(session.Context, new GetActorsRequest(type.ActorType, chunk, []), cancellationToken)).GetValueOrThrow()
                .Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
            missing.AddRange(chunk.Where(k => !found.Contains(k)));
        }

        if (missing.Count >= SuspiciousAllMissing && missing.Count == keys.Count)
        {
            // Unlinking is not reversible; every key gone at once is far likelier a changed company or database than deletes.
            logger.LogWarning("Deletion sweep of connection {ConnectionId} ({ActorType}) found none of its {Count} linked records; nothing was unlinked.", connectionId, type.ActorType, keys.Count);
            return [];
        }

        return [.. missing.Select(k => new Tombstone(type.ActorType, k))];
    }
}
