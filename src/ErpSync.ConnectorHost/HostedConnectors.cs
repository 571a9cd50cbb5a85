using ErpSync.Connectors;
using ErpSync.Connectors.DemoErp;
using ErpSync.Connectors.Tryton;

namespace ErpSync.ConnectorHost;

/// <summary>The connectors this process can serve, by the name given with <c>--connector</c>. One line per connector.</summary>
internal static class HostedConnectors
{
    public static IReadOnlyDictionary<string, Func<TimeProvider, ISyncConnector>> ByName { get; } =
        new Dictionary<string, Func<TimeProvider, ISyncConnector>>(StringComparer.OrdinalIgnoreCase)
        {
            ["demo"] = time => new DemoErpConnector(time),
            ["tryton"] = time => new TrytonConnector(time),
        };
}
