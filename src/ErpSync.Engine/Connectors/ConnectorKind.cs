namespace ErpSync.Engine.Connectors;

public enum ConnectorKind
{
    BuiltIn = 0,
    Remote = 1,
}
