using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Data;
using ErpSync.Engine.Mapping;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Transfer;

/// <summary>Export and import of a connection's configuration (moving from test to production).</summary>
public sealed partial class ConnectionTransfer(IDbContextFactory<ErpSyncDb> dbFactory, ConnectionAdmin connections, ConnectionConfigStore configStore)
{
    public async Task<ConnectionExport> ExportAsync(int connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await ConnectionLoader.LoadAsync(db, connectionId, cancellationToken);
        var users = await db.Users.ToDictionaryAsync(u => u.Id, u => u.UserName, cancellationToken);
        var groups = await db.Groups.ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var listItems = await db.ListItems.ToDictionaryAsync(i => i.Id, cancellationToken);
        var secrets = ConnectionConfigStore.SecretsSet(connection);
        var configuration = configStore.Read(connection)
            .Where(p => !secrets.Contains(p.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(p => p.Key, p => (string?)FieldValues.Format(p.Value));
        return new ConnectionExport(
            ConnectionExport.FormatName,
            connection.Name,
            connection.Description,
            new ExportedConnector(connection.Connector!.Name, connection.Connector.BuiltInName, connection.Connector.Url),
            connection.AllAccess,
            connection.Access.Select(a => new ExportedAccess(a.UserId is { } u ? users[u] : null, a.GroupId is { } g ? groups[g] : null, a.CanLink, a.CanCreate)).ToList(),
            configuration,
            secrets,
            connection.ActorTypes.OrderBy(a => a.ActorType).Select(a => new ExportedActorType(a.ActorType, a.IsActive,
                a.Fields.OrderBy(f => f.Rank).Select(f => new ExportedField(
                    f.FieldKey, f.CrmField, f.Direction, f.ShowInSearch, f.ShowInErpTab, f.ConflictPolicy, f.Rank,
                    f.HasDefault || f.AskUser || f.DefaultMandatory ? new DefaultInput(f.HasDefault, f.HasDefault ? FieldValues.Format(f.DefaultValue()) : null, f.AskUser, f.DefaultMandatory) : null,
                    f.ListItems.Count == 0 ? null : f.ListItems.Select(i => i.CrmListItemId is { } id && listItems.TryGetValue(id, out var item)
                        ? new ExportedListItem(i.ErpItemKey, item.Code, item.Name, false)
                        : new ExportedListItem(i.ErpItemKey, null, null, true)).ToList())).ToList())).ToList());
    }

    /// <summary>
    /// Creates a new, inactive connection from a document: the usual checks and connection test, then the
    /// mappings, defaults, ranks and list mappings, all in one transaction. Every problem is reported at once.
    /// </summary>
    public async Task<ConnectionDetails> ImportAsync(ConnectionImportRequest request, CancellationToken cancellationToken)
    {
        var document = request.Document;
        if (document.Format != ConnectionExport.FormatName)
        {
            throw UserErrorException.Field("format", T($"This is not an ErpSync connection file (expected format {ConnectionExport.FormatName}).", $"Dit is geen ErpSync-verbindingsbestand (verwacht formaat {ConnectionExport.FormatName})."));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var connectorId = await FindConnectorAsync(db, document.Connector, errors, cancellationToken);
        var access = await ResolveAccessAsync(db, document.Access, errors, cancellationToken);
        if (errors.Count > 0)
        {
            throw new UserErrorException(T("The file cannot be imported here:", "Het bestand kan hier niet worden geïmporteerd:"), errors);
        }

        var values = new Dictionary<string, string?>(document.Configuration, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in request.Secrets)
        {
            values[key] = value;
        }

        var input = new ConnectionInput(string.IsNullOrWhiteSpace(request.Name) ? document.Name : request.Name, connectorId, document.Description, document.AllAccess, access, values);
        return await connections.CreateAsync(input, (db2, connection, ct) => ApplyMappingsAsync(db2, connection, document, ct), cancellationToken);
    }

    private static async Task<int> FindConnectorAsync(ErpSyncDb db, ExportedConnector exported, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var candidates = await db.Connectors.Where(c => !c.IsDeleted).ToListAsync(cancellationToken);
        var match = candidates.FirstOrDefault(c => exported.BuiltInName is not null && c.BuiltInName == exported.BuiltInName)
            ?? candidates.FirstOrDefault(c => string.Equals(c.Name, exported.Name, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            errors["connector"] = [T($"The Sync Connector \"{exported.Name}\" is not registered here; add it first.", $"De Sync Connector \"{exported.Name}\" is hier niet geregistreerd; voeg hem eerst toe.")];
        }

        return match?.Id ?? 0;
    }

    private static async Task<List<AccessEntry>> ResolveAccessAsync(ErpSyncDb db, IReadOnlyList<ExportedAccess> exported, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var users = await db.Users.ToDictionaryAsync(u => u.NormalizedUserName, u => u.Id, cancellationToken);
        var groups = (await db.Groups.ToListAsync(cancellationToken)).ToDictionary(g => g.Name, g => g.Id, StringComparer.OrdinalIgnoreCase);
        var result = new List<AccessEntry>();
        var missing = new List<string>();
        foreach (var entry in exported)
        {
            if (entry.User is { } user && users.TryGetValue(user.ToUpperInvariant(), out var userId))
            {
                result.Add(new AccessEntry(userId, null, entry.CanLink, entry.CanCreate));
            }
            else if (entry.Group is { } group && groups.TryGetValue(group, out var groupId))
            {
                result.Add(new AccessEntry(null, groupId, entry.CanLink, entry.CanCreate));
            }
            else
            {
                missing.Add(entry.User ?? entry.Group ?? "?");
            }
        }

        if (missing.Count > 0)
        {
            errors["access"] = [T($"These users or groups of the scope do not exist here: {string.Join(", ", missing)}.", $"Deze gebruikers of groepen uit de reikwijdte bestaan hier niet: {string.Join(", ", missing)}.")];
        }

        return result;
    }
}
