using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Connections;

internal static class ConnectionLoader
{
    /// <summary>A connection with its connector, configuration, scope, actor types, fields and list mappings (tracked).</summary>
    public static async Task<Connection> LoadAsync(ErpSyncDb db, int id, CancellationToken cancellationToken) =>
        await db.Connections
            .Include(c => c.Connector).Include(c => c.ConfigValues).Include(c => c.Access)
            .Include(c => c.ActorTypes).ThenInclude(a => a.Fields).ThenInclude(f => f.ListItems)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
        ?? throw UserErrorException.NotFound(T($"ERP connection {id} does not exist.", $"ERP-verbinding {id} bestaat niet."));

    /// <summary>Like <see cref="LoadAsync"/>, and refuses configuration changes while the connection is active.</summary>
    public static async Task<Connection> LoadForEditAsync(ErpSyncDb db, int id, CancellationToken cancellationToken)
    {
        var connection = await LoadAsync(db, id, cancellationToken);
        if (connection.IsActive || connection.IsDeleted)
        {
            throw new UserErrorException(
                T("Mappings, list mappings, defaults and ranks can only be changed while the connection is inactive. Clear Active first.",
                  "Toewijzingen, lijsttoewijzingen, standaardwaarden en volgorde kunnen alleen worden gewijzigd als de verbinding niet actief is. Schakel eerst Actief uit."),
                status: 409);
        }

        return connection;
    }

    public static ActorTypeMapping ActorType(Connection connection, ErpSync.Connectors.ActorType type) =>
        connection.ActorTypes.FirstOrDefault(a => a.ActorType == type)
        ?? throw UserErrorException.NotFound(T($"The connection has no actor type {type}.", $"De verbinding heeft geen actortype {type}."));
}
