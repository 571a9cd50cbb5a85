using ErpSync.Connectors;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Data;
using ErpSync.Engine.Mapping;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Connections;

/// <summary>The operations of the ERP connections list and its dialogs, shared by the API and the pages.</summary>
public sealed partial class ConnectionAdmin(
    IDbContextFactory<ErpSyncDb> dbFactory,
    ConnectorResolver resolver,
    ConnectionConfigStore configStore,
    TimeProvider time)
{
    public async Task<IReadOnlyList<ConnectionSummary>> ListAsync(bool includeDeleted, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Connections
            .Where(c => includeDeleted || !c.IsDeleted)
            .OrderBy(c => c.Name)
            .Select(c => new ConnectionSummary(c.Id, c.PublicId, c.Name, c.ConnectorId, c.Connector!.Name, c.Description,
                c.AllAccess, c.Access.Count, c.IsActive, c.IsDeleted, c.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<ConnectionDetails> GetAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await LoadAsync(db, id, cancellationToken);
        var stored = configStore.Read(connection);
        var secrets = ConnectionConfigStore.SecretsSet(connection);
        return new ConnectionDetails(
            connection.Id, connection.PublicId, connection.Name, connection.ConnectorId, connection.Connector!.Name,
            connection.Description, connection.AllAccess,
            connection.Access.Select(a => new AccessEntry(a.UserId, a.GroupId, a.CanLink, a.CanCreate)).ToList(),
            connection.IsActive, connection.IsDeleted,
            stored.Where(p => !secrets.Contains(p.Key, StringComparer.OrdinalIgnoreCase)).ToDictionary(p => p.Key, p => (string?)FieldValues.Format(p.Value)),
            secrets,
            connection.ActorTypes.OrderBy(a => a.ActorType).Select(Summarize).ToList());
    }

    private static ActorTypeSummary Summarize(ActorTypeMapping type) => new(
        type.ActorType, type.LocalizedName, type.CrmEntity, type.IsActive, type.Fields.Count(f => !f.MissingInErp), type.Fields.Count(f => f.CrmField != null),
        type.Fields.Where(f => f.CrmField is not null && f.Direction != FieldDirection.None).OrderBy(f => f.Rank)
            .Select(f => new SyncedFieldSummary(f.Info().DisplayName, CrmFieldCatalog.Find(type.CrmEntity, f.CrmField)?.DisplayName ?? f.CrmField!, f.Direction)).ToList());

    /// <summary>Tests a candidate configuration without saving anything.</summary>
    public async Task<TestResult> TestAsync(ConnectionTestInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var registration = await FindConnectorAsync(db, input.ConnectorId, cancellationToken);
        var connector = await resolver.ResolveAsync(registration, cancellationToken);
        var existing = input.ConnectionId is { } id ? await LoadAsync(db, id, cancellationToken) : null;
        if (existing is not null && existing.ConnectorId != registration.Id)
        {
            // Stored secrets are only ever sent to the connector they were entered for.
            existing = null;
        }
        var fields = await connector.GetConfigFieldsAsync(ConnectorContext.Empty(CultureName), cancellationToken);
        var (values, errors) = ConfigInputParser.Parse(fields, input.Values, existing is null ? null : configStore.Read(existing));
        if (errors.Count > 0)
        {
            return TestResult.Failure(ErrorCode.InvalidConfiguration, string.Join(" ", errors.Values.SelectMany(v => v)));
        }

        return await connector.TestConfigurationAsync(new ConnectorContext(existing?.PublicId ?? Guid.Empty, values, CultureName), cancellationToken);
    }

    /// <summary>The configuration fields of a connector, in rank order, for the dialog.</summary>
    public async Task<IReadOnlyList<FieldInfo>> GetConfigFieldsAsync(int connectorId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connector = await resolver.ResolveAsync(await FindConnectorAsync(db, connectorId, cancellationToken), cancellationToken);
        var fields = await connector.GetConfigFieldsAsync(ConnectorContext.Empty(CultureName), cancellationToken);
        return fields.OrderBy(f => f.Rank).ToList();
    }

    /// <summary>Items of a configuration list, asked with the values entered so far (all-zero id while defining).</summary>
    public async Task<IReadOnlyList<ListItem>> GetConfigListAsync(int connectorId, string listName, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connector = await resolver.ResolveAsync(await FindConnectorAsync(db, connectorId, cancellationToken), cancellationToken);
        if (connector is not IListProvider lists)
        {
            return [];
        }

        var fields = await connector.GetConfigFieldsAsync(ConnectorContext.Empty(CultureName), cancellationToken);
        var (config, _) = ConfigInputParser.Parse(fields, values, null);
        var result = await lists.GetListAsync(new ConnectorContext(Guid.Empty, config, CultureName), listName, cancellationToken);
        return result.IsOk ? result.Value
            : result.Error.Code == ErrorCode.NotSupported ? []
            : throw new UserErrorException(result.Error.Message);
    }

    private static Task<Connection> LoadAsync(ErpSyncDb db, int id, CancellationToken cancellationToken) => ConnectionLoader.LoadAsync(db, id, cancellationToken);

    private static async Task<ConnectorRegistration> FindConnectorAsync(ErpSyncDb db, int connectorId, CancellationToken cancellationToken) =>
        await db.Connectors.FirstOrDefaultAsync(c => c.Id == connectorId && !c.IsDeleted, cancellationToken)
        ?? throw UserErrorException.Field("connectorId", T("Choose an ERP Sync Connector.", "Kies een ERP Sync Connector."));
}
