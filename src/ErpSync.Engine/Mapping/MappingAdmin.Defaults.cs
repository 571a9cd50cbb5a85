using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Mapping;

public sealed partial class MappingAdmin
{
    /// <summary>"Add sync default value" / edit: the value a new ERP record gets, and whether the user is asked.</summary>
    public async Task<MappingsView> SaveDefaultAsync(int connectionId, ActorType actorType, string fieldKey, DefaultInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await ConnectionLoader.LoadForEditAsync(db, connectionId, cancellationToken);
        var row = Field(ConnectionLoader.ActorType(connection, actorType), fieldKey);
        var info = row.Info();
        var parsed = FieldValues.TryParse(info.Type, input.Value, out var value);
        IReadOnlySet<string>? listKeys = null;
        if (input.HasValue && info.Type == FieldType.List && info.ListName is { } listName && value is ListValue)
        {
            listKeys = (await ErpListAsync(connection, listName, cancellationToken)).Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        }

        if (MappingRules.CheckDefault(info, input, value, parsed, listKeys) is { } problem)
        {
            throw UserErrorException.Field(fieldKey, problem);
        }

        row.HasDefault = input.HasValue;
        row.DefaultValueJson = input.HasValue && value is not null ? Serialize(value) : null;
        row.AskUser = input.AskUser;
        row.DefaultMandatory = input.Mandatory;
        await db.SaveChangesAsync(cancellationToken);
        return MappingViews.Build(connection);
    }

    /// <summary>Removes a field's default entry.</summary>
    public async Task<MappingsView> DeleteDefaultAsync(int connectionId, ActorType actorType, string fieldKey, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await ConnectionLoader.LoadForEditAsync(db, connectionId, cancellationToken);
        var row = Field(ConnectionLoader.ActorType(connection, actorType), fieldKey);
        row.HasDefault = row.AskUser = row.DefaultMandatory = false;
        row.DefaultValueJson = null;
        await db.SaveChangesAsync(cancellationToken);
        return MappingViews.Build(connection);
    }

    /// <summary>Items of an ERP list, read live from the connector with the connection's stored configuration.</summary>
    public async Task<IReadOnlyList<ListItem>> GetErpListAsync(int connectionId, string listName, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.Connections.Include(c => c.Connector).Include(c => c.ConfigValues).FirstOrDefaultAsync(c => c.Id == connectionId, cancellationToken)
            ?? throw UserErrorException.NotFound(T($"ERP connection {connectionId} does not exist.", $"ERP-verbinding {connectionId} bestaat niet."));
        return await ErpListAsync(connection, listName, cancellationToken);
    }

    internal async Task<IReadOnlyList<ListItem>> ErpListAsync(Connection connection, string listName, CancellationToken cancellationToken)
    {
        if (await resolver.ResolveAsync(connection.Connector!, cancellationToken) is not IListProvider lists)
        {
            return [];
        }

        var result = await lists.GetListAsync(Context(connection), listName, cancellationToken);
        return result.IsOk ? result.Value : throw new UserErrorException(T("The ERP list could not be read: ", "De ERP-lijst kon niet worden gelezen: ") + result.Error.Message);
    }

    private static FieldMapping Field(ActorTypeMapping type, string fieldKey) =>
        type.Fields.FirstOrDefault(f => string.Equals(f.FieldKey, fieldKey, StringComparison.OrdinalIgnoreCase))
        ?? throw UserErrorException.NotFound(T($"The ERP field {fieldKey} does not exist.", $"Het ERP-veld {fieldKey} bestaat niet."));
}
