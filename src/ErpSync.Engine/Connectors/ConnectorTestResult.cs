namespace ErpSync.Engine.Connectors;

/// <summary>The outcome of the "Test" action on a Sync Connector.</summary>
public sealed record ConnectorTestResult(bool IsOk, string Message);
