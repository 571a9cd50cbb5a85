using ErpSync.Engine.Connectors.Remote;
using ErpSync.Engine.Data;
using ErpSync.Engine.Secrets;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Connectors;

/// <summary>One row of the Sync Connectors list.</summary>
public sealed record ConnectorSummary(int Id, string Name, ConnectorKind Kind, string? BuiltInName, string? Url, string Status, bool IsReachable, int ConnectionCount);

/// <summary>The operations of the "Sync Connectors" list, shared by the API and the page.</summary>
public sealed partial class ConnectorAdmin(
    IDbContextFactory<ErpSyncDb> dbFactory,
    ConnectorCatalog catalog,
    RemoteConnectorFactory remotes,
    SecretProtector secrets,
    TimeProvider time)
{
    /// <summary>The list; remote connectors are asked for their <c>info</c> (in parallel) to show whether they answer.</summary>
    public async Task<IReadOnlyList<ConnectorSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Connectors.Where(c => !c.IsDeleted).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var counts = await db.Connections.GroupBy(c => c.ConnectorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var statuses = await Task.WhenAll(rows.Select(r => StatusAsync(r, cancellationToken)));
        return rows.Select((r, i) => new ConnectorSummary(r.Id, r.Name, r.Kind, r.BuiltInName, r.Url, statuses[i].Status, statuses[i].IsReachable, counts.GetValueOrDefault(r.Id))).ToList();
    }

    /// <summary>Deletes (soft) a connector that no ERP connection uses.</summary>
    public async Task DeleteAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Connectors.FirstOrDefaultAsync(c => c.Id == id && !c.IsDeleted, cancellationToken)
            ?? throw UserErrorException.NotFound(T("This Sync Connector does not exist.", "Deze Sync Connector bestaat niet."));
        var used = await db.Connections.Where(c => c.ConnectorId == id).Select(c => c.Name).ToListAsync(cancellationToken);
        if (used.Count > 0)
        {
            throw new UserErrorException(
                T($"The Sync Connector \"{row.Name}\" cannot be deleted because these ERP connections use it (including deleted ones): {string.Join(", ", used)}.",
                  $"De Sync Connector \"{row.Name}\" kan niet worden verwijderd omdat deze ERP-verbindingen hem gebruiken (ook verwijderde): {string.Join(", ", used)}."),
                status: 409);
        }

        row.IsDeleted = true;
        row.Name = $"{row.Name} (deleted {row.Id})";
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Makes sure every built-in connector has a registration, so it shows in the list from the first start.</summary>
    public async Task EnsureBuiltInsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var connector in catalog.BuiltIns)
        {
            if (!await db.Connectors.AnyAsync(c => c.BuiltInName == connector.Info.Name, cancellationToken))
            {
                db.Connectors.Add(new ConnectorRegistration
                {
                    Name = connector.Info.DisplayName,
                    Kind = ConnectorKind.BuiltIn,
                    BuiltInName = connector.Info.Name,
                    CreatedAt = time.GetUtcNow(),
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
