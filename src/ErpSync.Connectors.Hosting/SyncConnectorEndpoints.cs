using ErpSync.Connectors.Remote;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ErpSync.Connectors.Hosting;

/// <summary>Serves an <see cref="ISyncConnector"/> over the remote connector protocol.</summary>
public static class SyncConnectorEndpoints
{
    /// <summary>The path of the protocol's OpenAPI document.</summary>
    public const string OpenApiPath = "/openapi/connector-v1.json";

    /// <summary>
    /// Maps <c>POST /v1/&lt;verb&gt;</c> for every contract method of <paramref name="connector"/> (signed requests
    /// only) and <c>GET /openapi/connector-v1.json</c> (anonymous). Capabilities the connector does not implement
    /// answer <see cref="ErrorCode.NotSupported"/>.
    /// </summary>
    /// <param name="endpoints">The application or a route group (its prefix becomes the connector's base URL).</param>
    /// <param name="connector">The connector to serve; it is shared by all requests, so it must be thread-safe.</param>
    /// <param name="options">The shared secret and the signature window.</param>
    /// <returns>The group of the mapped endpoints, to add conventions such as host filtering.</returns>
    public static RouteGroupBuilder MapSyncConnector(this IEndpointRouteBuilder endpoints, ISyncConnector connector, SyncConnectorHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Secret, nameof(options));

        var group = endpoints.MapGroup("/");
        var signatures = new SignatureCheck(options);
        foreach (var verb in ConnectorVerbs.All)
        {
            var handler = new VerbHandler(connector, verb, signatures, options.MaxRequestBytes);
            group.MapPost(RemoteVerbs.PathOf(verb.Name), handler.HandleAsync).WithDisplayName("ErpSync connector " + verb.Name);
        }

        group.MapGet(OpenApiPath, () => Results.Text(ConnectorProtocolDocument.Json, "application/json"));
        return group;
    }
}
