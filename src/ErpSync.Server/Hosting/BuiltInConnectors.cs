using ErpSync.Connectors;
using ErpSync.Connectors.DemoErp;
using ErpSync.Connectors.Tryton;

namespace ErpSync.Server.Hosting;

/// <summary>The connectors compiled into the server (see docs/adr/0003-in-process-connectors.md).</summary>
internal static class BuiltInConnectors
{
    public static IServiceCollection AddBuiltInConnectors(this IServiceCollection services) =>
        services.AddSingleton<ISyncConnector, DemoErpConnector>()
            .AddSingleton<ISyncConnector, TrytonConnector>();
}
