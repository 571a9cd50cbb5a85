using ErpSync.Connectors;
using ErpSync.Engine.Localization;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Connectors;

/// <summary>Turns a registration into a callable connector, or says why it cannot be called.</summary>
public sealed class ConnectorResolver(ConnectorCatalog catalog)
{
    public ISyncConnector Resolve(ConnectorRegistration registration) => TryResolve(registration, out var connector, out var reason)
        ? connector
        : throw new UserErrorException(reason);

    public bool TryResolve(ConnectorRegistration registration, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ISyncConnector? connector, out string reason)
    {
        connector = registration.Kind == ConnectorKind.BuiltIn && registration.BuiltInName is { } name ? catalog.Find(name) : null;
        reason = connector is not null ? "" : registration.Kind == ConnectorKind.Remote
            ? T($"The connector \"{registration.Name}\" is not reachable yet: remote connectors are not supported by this version.",
                $"De connector \"{registration.Name}\" is nog niet bereikbaar: externe connectors worden door deze versie nog niet ondersteund.")
            : T($"The built-in connector \"{registration.BuiltInName}\" is not installed on this server.",
                $"De ingebouwde connector \"{registration.BuiltInName}\" is niet op deze server geïnstalleerd.");
        return connector is not null;
    }

    public static string Status(ConnectorRegistration registration, ConnectorCatalog catalog) =>
        registration.Kind == ConnectorKind.Remote ? T("Not reachable yet", "Nog niet bereikbaar")
        : registration.BuiltInName is { } n && catalog.Find(n) is not null ? T("Built in", "Ingebouwd")
        : T("Not installed", "Niet geïnstalleerd");
}
