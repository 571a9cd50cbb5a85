using ErpSync.Connectors;

namespace ErpSync.Engine.Connectors;

/// <summary>A callable connector, or (when <see cref="Connector"/> is null) a message saying why there is none.</summary>
public sealed record ResolvedConnector(ISyncConnector? Connector, string Reason);
