using System.Text.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Mapping;

/// <summary>The Mappings, Defaults and Rank fields dialogs: shared by the API and the pages.</summary>
public sealed partial class MappingAdmin(
    IDbContextFactory<ErpSyncDb> dbFactory,
    ConnectorResolver resolver,
    ConnectionConfigStore configStore,
    TimeProvider time)
{
    public async Task<MappingsView> GetAsync(int connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await ConnectionLoader.LoadAsync(db, connectionId, cancellationToken);
        return MappingViews.Build(connection);
    }

    /// <summary>Saves one tab of the Mappings dialog.</summary>
    public Task<MappingsView> SaveActorTypeAsync(int connectionId, ActorType actorType, ActorTypeMappingInput input, CancellationToken cancellationToken) =>
        SaveAsync(connectionId, new Dictionary<ActorType, ActorTypeMappingInput> { [actorType] = input }, cancellationToken);

    /// <summary>
    /// Saves the Mappings dialog ("Done"): every field of every tab is checked first, then all are applied in one
    /// transaction, so a refused field changes nothing.
    /// </summary>
    public async Task<MappingsView> SaveAsync(int connectionId, IReadOnlyDictionary<ActorType, ActorTypeMappingInput> tabs, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await ConnectionLoader.LoadForEditAsync(db, connectionId, cancellationToken);
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (actorType, input) in tabs)
        {
            Check(ConnectionLoader.ActorType(connection, actorType), input, errors);
        }

        if (errors.Count > 0)
        {
            throw new UserErrorException(T("Some mappings are not possible; see the marked fields.", "Sommige toewijzingen zijn niet mogelijk; zie de gemarkeerde velden."), errors);
        }

        foreach (var (actorType, input) in tabs)
        {
            Apply(ConnectionLoader.ActorType(connection, actorType), input);
        }

        connection.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return MappingViews.Build(connection);
    }

    private static void Check(ActorTypeMapping type, ActorTypeMappingInput input, Dictionary<string, string[]> errors)
    {
        var rows = type.Fields.ToDictionary(f => f.FieldKey, StringComparer.OrdinalIgnoreCase);
        foreach (var field in input.Fields)
        {
            var problem = rows.TryGetValue(field.FieldKey, out var row)
                ? MappingRules.Check(type.CrmEntity, row.Info(), field)
                : T($"The ERP field {field.FieldKey} does not exist.", $"Het ERP-veld {field.FieldKey} bestaat niet.");
            if (problem is not null)
            {
                errors[$"{type.ActorType}.{field.FieldKey}"] = [problem];
            }
        }

        // Two ERP fields syncing into one CRM field would overwrite each other (and echo one into the other).
        var final = type.Fields.ToDictionary(f => f.FieldKey, f => (f.CrmField, f.Direction), StringComparer.OrdinalIgnoreCase);
        foreach (var field in input.Fields.Where(f => final.ContainsKey(f.FieldKey)))
        {
            final[field.FieldKey] = (field.CrmField, field.Direction);
        }

        foreach (var group in final.Where(p => p.Value.CrmField is not null && p.Value.Direction != FieldDirection.None)
                     .GroupBy(p => p.Value.CrmField!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            foreach (var key in group.Select(p => p.Key))
            {
                errors.TryAdd($"{type.ActorType}.{key}", [T($"Only one synced ERP field can fill the CRM field {group.Key}.", $"Slechts één gesynchroniseerd ERP-veld kan het CRM-veld {group.Key} vullen.")]);
            }
        }

        if (input.IsActive && type.MissingInErp)
        {
            errors[$"{type.ActorType}.isActive"] = [T("The connector no longer offers this actor type.", "De connector biedt dit actortype niet meer aan.")];
        }
    }

    private static void Apply(ActorTypeMapping type, ActorTypeMappingInput input)
    {
        type.IsActive = input.IsActive;
        var rows = type.Fields.ToDictionary(f => f.FieldKey, StringComparer.OrdinalIgnoreCase);
        foreach (var field in input.Fields)
        {
            var row = rows[field.FieldKey];
            var crmChanged = !string.Equals(row.CrmField, field.CrmField, StringComparison.OrdinalIgnoreCase);
            row.CrmField = field.CrmField is null ? null : CrmFieldCatalog.Find(type.CrmEntity, field.CrmField)!.Key;
            row.ToCrm = field.Direction.ToCrm();
            row.ToErp = field.Direction.ToErp();
            row.ShowInSearch = field.ShowInSearch;
            row.ShowInErpTab = field.ShowInErpTab;
            row.ConflictPolicy = field.Direction == FieldDirection.Both ? field.ConflictPolicy : null;
            if (crmChanged)
            {
                // Item mappings belong to the CRM list the field pointed at.
                row.ListItems.Clear();
            }
        }
    }

    /// <summary>"Refresh fields": re-reads actor types and fields; vanished fields are flagged missing in ERP.</summary>
    public async Task<MappingsView> RefreshFieldsAsync(int connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await ConnectionLoader.LoadForEditAsync(db, connectionId, cancellationToken);
        var connector = await resolver.ResolveAsync(connection.Connector!, cancellationToken);
        try
        {
            await ConnectionFieldReader.RefreshAsync(connector, Context(connection), connection, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            throw new UserErrorException(T("The connector could not list its actor types and fields: ", "De connector kon zijn actortypen en velden niet opgeven: ") + ex.Error.Message);
        }

        connection.FieldsReadAt = connection.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return MappingViews.Build(connection);
    }

    /// <summary>"Rank fields": the new order of all fields of an actor type.</summary>
    public async Task SaveRanksAsync(int connectionId, ActorType actorType, IReadOnlyList<string> fieldKeys, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await ConnectionLoader.LoadForEditAsync(db, connectionId, cancellationToken);
        var type = ConnectionLoader.ActorType(connection, actorType);
        var known = type.Fields.Select(f => f.FieldKey).Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (!fieldKeys.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(known, StringComparer.OrdinalIgnoreCase))
        {
            throw UserErrorException.Field("fieldKeys", T("List every field of the actor type exactly once.", "Noem elk veld van het actortype precies één keer."));
        }

        for (var i = 0; i < fieldKeys.Count; i++)
        {
            type.Fields.First(f => string.Equals(f.FieldKey, fieldKeys[i], StringComparison.OrdinalIgnoreCase)).Rank = i;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private ConnectorContext Context(Connection connection) => new(connection.PublicId, configStore.Read(connection), CultureName);

    private static string Serialize(FieldValue value) => JsonSerializer.Serialize(value, ConnectorJsonContext.Default.FieldValue);
}
