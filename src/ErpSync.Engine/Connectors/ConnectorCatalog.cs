using ErpSync.Connectors;

namespace ErpSync.Engine.Connectors;

/// <summary>The connectors compiled into this server, by <see cref="ConnectorInfo.Name"/>.</summary>
public sealed class ConnectorCatalog(IEnumerable<ISyncConnector> builtIns)
{
    private readonly Dictionary<string, ISyncConnector> _byName = builtIns.ToDictionary(c => c.Info.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<ISyncConnector> BuiltIns => _byName.Values;

    public ISyncConnector? Find(string name) => _byName.GetValueOrDefault(name);
}
