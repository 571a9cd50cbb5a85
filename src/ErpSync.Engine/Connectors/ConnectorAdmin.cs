using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Connectors;

/// <summary>One row of the Sync Connectors list.</summary>
public sealed record ConnectorSummary(int Id, string Name, ConnectorKind Kind, string? BuiltInName, string? Url, string Status, bool IsReachable, int ConnectionCount);

/// <summary>The operations of the "Sync Connectors" list, shared by the API and the page.</summary>
public sealed class ConnectorAdmin(IDbContextFactory<ErpSyncDb> dbFactory, ConnectorCatalog catalog, TimeProvider time)
{
    public async Task<IReadOnlyList<ConnectorSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Connectors.Where(c => !c.IsDeleted).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var counts = await db.Connections.GroupBy(c => c.ConnectorId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return rows.Select(r => new ConnectorSummary(r.Id, r.Name, r.Kind, r.BuiltInName, r.Url, ConnectorResolver.Status(r, catalog),
            r.Kind == ConnectorKind.BuiltIn && r.BuiltInName is { } n && catalog.Find(n) is not null, counts.GetValueOrDefault(r.Id))).ToList();
    }

    /// <summary>Registers a remote connector by name and URL.</summary>
    public async Task<ConnectorSummary> AddRemoteAsync(string name, string url, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        name = name?.Trim() ?? "";
        url = url?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors["name"] = [T("Name is required.", "Naam is verplicht.")];
        }
        else if (name.Length > 100)
        {
            errors["name"] = [T("Name can be at most 100 characters.", "Naam mag hoogstens 100 tekens lang zijn.")];
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || url.Length > 1023)
        {
            errors["url"] = [T("Enter an http:// or https:// URL of at most 1023 characters.", "Voer een http://- of https://-URL in van hoogstens 1023 tekens.")];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (name.Length > 0 && await db.Connectors.AnyAsync(c => c.Name == name, cancellationToken))
        {
            errors["name"] = [T("A Sync Connector with this name already exists.", "Er bestaat al een Sync Connector met deze naam.")];
        }

        if (errors.Count > 0)
        {
            throw new UserErrorException(T("Please correct the marked fields.", "Corrigeer de gemarkeerde velden."), errors);
        }

        var row = new ConnectorRegistration { Name = name, Kind = ConnectorKind.Remote, Url = url, CreatedAt = time.GetUtcNow() };
        db.Connectors.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return (await ListAsync(cancellationToken)).First(c => c.Id == row.Id);
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
