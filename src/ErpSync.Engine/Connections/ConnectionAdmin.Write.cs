using ErpSync.Connectors;
using ErpSync.Engine.Data;
using ErpSync.Engine.Mapping;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Connections;

public sealed partial class ConnectionAdmin
{
    /// <summary>
    /// Defines a new connection: validates everything, tests the configuration again, tells the
    /// connector, reads and caches actor types and fields (auto-mapped, no directions) and saves it
    /// inactive, all or nothing.
    /// </summary>
    public Task<ConnectionDetails> CreateAsync(ConnectionInput input, CancellationToken cancellationToken) =>
        CreateAsync(input, (_, _, _) => Task.CompletedTask, cancellationToken);

    /// <summary>
    /// Like <see cref="CreateAsync(ConnectionInput, CancellationToken)"/>, with <paramref name="beforeSave"/> applied to the
    /// new connection (fields already read) before the one save; an exception from it saves nothing.
    /// </summary>
    public async Task<ConnectionDetails> CreateAsync(ConnectionInput input, Func<ErpSyncDb, Connection, CancellationToken, Task> beforeSave, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var connection = new Connection { Name = "", PublicId = Guid.NewGuid(), CreatedAt = now, UpdatedAt = now };
        var saved = await ApplyAsync(db, connection, input, configChangeAllowed: true, cancellationToken);
        await beforeSave(db, connection, cancellationToken);
        db.Connections.Add(connection);
        await SaveAndNotifyAsync(db, saved, cancellationToken);
        return await GetAsync(connection.Id, cancellationToken);
    }

    /// <summary>
    /// Edits a connection. Name, scope and description may change at any time; configuration values
    /// only while the connection is inactive, and then they are tested again before saving.
    /// </summary>
    public async Task<ConnectionDetails> UpdateAsync(int id, ConnectionInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await LoadAsync(db, id, cancellationToken);
        if (connection.IsDeleted)
        {
            throw new UserErrorException(T("Restore the connection before editing it.", "Herstel de verbinding voordat u deze bewerkt."));
        }

        var saved = await ApplyAsync(db, connection, input, configChangeAllowed: !connection.IsActive, cancellationToken);
        connection.UpdatedAt = time.GetUtcNow();
        await SaveAndNotifyAsync(db, saved, cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>Checks or clears the Active box. Activation validates first and leaves the connection inactive with the reasons when it fails.</summary>
    public async Task<ActivationResult> SetActiveAsync(int id, bool active, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await LoadAsync(db, id, cancellationToken);
        if (active && connection.IsDeleted)
        {
            return new ActivationResult(false, [T("A deleted connection cannot be activated; restore it first.", "Een verwijderde verbinding kan niet worden geactiveerd; herstel deze eerst.")]);
        }

        if (active && !connection.IsActive)
        {
            var problems = await ValidateForActivationAsync(connection, cancellationToken);
            if (problems.Count > 0)
            {
                return new ActivationResult(false, problems);
            }
        }

        connection.IsActive = active;
        connection.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new ActivationResult(active, []);
    }

    /// <summary>Soft-deletes a connection (deactivating it) and tells the connector.</summary>
    public async Task DeleteAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await LoadAsync(db, id, cancellationToken);
        connection.IsDeleted = true;
        connection.IsActive = false;
        connection.DeletedAt = connection.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        if ((await resolver.TryResolveAsync(connection.Connector!, cancellationToken)).Connector is { } connector)
        {
            // The CRM keeps its copy of the configuration, so a failed notification does not block the delete.
            await connector.ConnectionDeletedAsync(new ConnectorContext(connection.PublicId, configStore.Read(connection), CultureName), cancellationToken);
        }
    }

    /// <summary>Brings a soft-deleted connection back, inactive.</summary>
    public async Task RestoreAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await LoadAsync(db, id, cancellationToken);
        connection.IsDeleted = false;
        connection.DeletedAt = null;
        connection.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Active connections whose scope includes the user, directly or through a group.</summary>
    public async Task<IReadOnlyList<UsableConnection>> UsableByAsync(int userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var groupIds = await db.GroupMembers.Where(m => m.UserId == userId).Select(m => m.GroupId).ToListAsync(cancellationToken);
        var connections = await db.Connections
            .Where(c => c.IsActive && !c.IsDeleted)
            .Where(c => c.AllAccess || c.Access.Any(a => a.UserId == userId || (a.GroupId != null && groupIds.Contains(a.GroupId.Value))))
            .Include(c => c.Access)
            .OrderBy(c => c.Name)
            .ToListAsync(cancellationToken);
        return connections.Select(c =>
        {
            var mine = c.Access.Where(a => a.UserId == userId || (a.GroupId is { } g && groupIds.Contains(g))).ToList();
            return new UsableConnection(c.Id, c.Name, c.Description, c.AllAccess || mine.Any(a => a.CanLink), c.AllAccess || mine.Any(a => a.CanCreate));
        }).ToList();
    }

    private async Task<List<string>> ValidateForActivationAsync(Connection connection, CancellationToken cancellationToken)
    {
        var (connector, reason) = await resolver.TryResolveAsync(connection.Connector!, cancellationToken);
        if (connector is null)
        {
            return [reason];
        }

        var problems = new List<string>();
        var context = new ConnectorContext(connection.PublicId, configStore.Read(connection), CultureName);
        var test = await connector.TestConfigurationAsync(context, cancellationToken);
        if (!test.IsOk)
        {
            problems.Add(T("The stored configuration no longer passes the connection test: ", "De opgeslagen configuratie doorstaat de verbindingstest niet meer: ") + test.Message);
        }

        var erpListKeys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var listNames = connection.ActorTypes.Where(a => a.IsActive).SelectMany(a => a.Fields)
            .Where(f => f.CrmField is not null && f.Direction != FieldDirection.None)
            .Select(f => f.Info()).Where(i => i.Type == FieldType.List && i.ListName is not null).Select(i => i.ListName!).Distinct();
        if (test.IsOk && connector is IListProvider lists)
        {
            foreach (var listName in listNames)
            {
                var items = await lists.GetListAsync(context, listName, cancellationToken);
                if (items.IsOk)
                {
                    erpListKeys[listName] = items.Value.Select(i => i.Key).ToList();
                }
                else
                {
                    problems.Add(T($"The ERP list {listName} could not be read: ", $"De ERP-lijst {listName} kon niet worden gelezen: ") + items.Error.Message);
                }
            }
        }

        problems.InsertRange(0, ActivationRules.Check(connection, erpListKeys));
        return problems;
    }

    /// <summary>
    /// Saves, then tells the connector (<see cref="ISyncConnector.ConnectionSavedAsync"/>) inside the same transaction: the
    /// connector hears of a configuration only once the database has accepted it, and a connector that refuses it leaves
    /// nothing saved.
    /// </summary>
    private static readonly TimeSpan SavedNoticeTimeout = TimeSpan.FromSeconds(10);

    private static async Task SaveAndNotifyAsync(ErpSyncDb db, (ISyncConnector Connector, ConnectorContext Context)? saved, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (saved is var (connector, context))
        {
            // The transaction holds the database's write lock (SQLite) meanwhile, so the connector gets a short deadline.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(SavedNoticeTimeout);
            ConnectorResult result;
            try
            {
                result = await connector.ConnectionSavedAsync(context, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new UserErrorException(T($"The connector did not confirm the configuration within {SavedNoticeTimeout.TotalSeconds:0} s; nothing was saved.",
                    $"De connector bevestigde de configuratie niet binnen {SavedNoticeTimeout.TotalSeconds:0} s; er is niets opgeslagen."), status: 504);
            }

            if (!result.IsOk)
            {
                throw new UserErrorException(result.Error.Message);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <returns>The connector and context to notify after the save when the configuration changed.</returns>
    private async Task<(ISyncConnector Connector, ConnectorContext Context)?> ApplyAsync(ErpSyncDb db, Connection connection, ConnectionInput input, bool configChangeAllowed,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors["name"] = [T("Name is required.", "Naam is verplicht.")];
        }
        else if (input.Name.Trim().Length > 100)
        {
            errors["name"] = [T("Name can be at most 100 characters.", "Naam mag hoogstens 100 tekens lang zijn.")];
        }
        else if (await db.Connections.AnyAsync(c => c.Name == input.Name.Trim() && c.Id != connection.Id && !c.IsDeleted, cancellationToken))
        {
            errors["name"] = [T("Another ERP connection already has this name.", "Een andere ERP-verbinding heeft deze naam al.")];
        }

        await ValidateScopeAsync(db, input, errors, cancellationToken);
        var isNew = connection.Id == 0;
        if (!isNew && input.ConnectorId != connection.ConnectorId)
        {
            errors["connectorId"] = [T("The connector of an existing connection cannot be changed.", "De connector van een bestaande verbinding kan niet worden gewijzigd.")];
        }

        var registration = await FindConnectorAsync(db, input.ConnectorId, cancellationToken);
        var connector = await resolver.ResolveAsync(registration, cancellationToken);
        var fields = await connector.GetConfigFieldsAsync(ConnectorContext.Empty(CultureName), cancellationToken);
        var stored = isNew ? null : configStore.Read(connection);
        var (values, configErrors) = ConfigInputParser.Parse(fields, input.Values, stored);
        foreach (var (key, messages) in configErrors)
        {
            errors[key] = messages;
        }

        var configChanged = isNew || !SameValues(stored!, values);
        if (configChanged && !configChangeAllowed)
        {
            throw new UserErrorException(T("Configuration fields can only be changed while the connection is inactive. Clear Active first.",
                "Configuratievelden kunnen alleen worden gewijzigd als de verbinding niet actief is. Schakel eerst Actief uit."), errors);
        }

        if (errors.Count > 0)
        {
            throw new UserErrorException(T("Please correct the marked fields.", "Corrigeer de gemarkeerde velden."), errors);
        }

        connection.Name = input.Name.Trim();
        connection.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        connection.ConnectorId = registration.Id;
        connection.Connector = registration;
        connection.AllAccess = input.AllAccess;
        connection.Access.Clear();
        if (!input.AllAccess)
        {
            connection.Access.AddRange(input.Access.Select(a => new ConnectionAccess { UserId = a.UserId, GroupId = a.GroupId, CanLink = a.CanLink, CanCreate = a.CanCreate }));
        }

        if (configChanged)
        {
            var context = new ConnectorContext(connection.PublicId, values, CultureName);
            var test = await connector.TestConfigurationAsync(context, cancellationToken);
            if (!test.IsOk)
            {
                throw new UserErrorException(test.Message);
            }

            await ReadFieldsAsync(connector, context, connection, cancellationToken);
            configStore.Write(connection, fields, values);
            return (connector, context);
        }

        return null;
    }

    private async Task ReadFieldsAsync(ISyncConnector connector, ConnectorContext context, Connection connection, CancellationToken cancellationToken)
    {
        try
        {
            await ConnectionFieldReader.RefreshAsync(connector, context, connection, cancellationToken);
            connection.FieldsReadAt = time.GetUtcNow();
        }
        catch (ConnectorException ex)
        {
            throw new UserErrorException(T("The connector could not list its actor types and fields: ", "De connector kon zijn actortypen en velden niet opgeven: ") + ex.Error.Message);
        }
    }

    private static async Task ValidateScopeAsync(ErpSyncDb db, ConnectionInput input, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (input.AllAccess)
        {
            return;
        }

        if (input.Access.Count == 0 || input.Access.Any(a => (a.UserId is null) == (a.GroupId is null)))
        {
            errors["access"] = [T("Select at least one user or group, or choose Everyone.", "Selecteer ten minste één gebruiker of groep, of kies Iedereen.")];
            return;
        }

        var userIds = input.Access.Where(a => a.UserId is not null).Select(a => a.UserId!.Value).Distinct().ToList();
        var groupIds = input.Access.Where(a => a.GroupId is not null).Select(a => a.GroupId!.Value).Distinct().ToList();
        var knownUsers = await db.Users.CountAsync(u => userIds.Contains(u.Id), cancellationToken);
        var knownGroups = await db.Groups.CountAsync(g => groupIds.Contains(g.Id), cancellationToken);
        if (knownUsers != userIds.Count || knownGroups != groupIds.Count)
        {
            errors["access"] = [T("The scope names a user or group that does not exist.", "De reikwijdte noemt een gebruiker of groep die niet bestaat.")];
        }
    }

    private static bool SameValues(ConfigValues a, ConfigValues b)
    {
        var left = a.Where(p => !FieldValues.IsEmpty(p.Value)).ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
        var right = b.Where(p => !FieldValues.IsEmpty(p.Value)).ToList();
        return left.Count == right.Count && right.All(p => left.TryGetValue(p.Key, out var v) && Equals(v, p.Value));
    }
}
