using ErpSync.Engine.Connectors;
using ErpSync.Server.Security;

namespace ErpSync.Server.Hosting;

internal static class ConnectorsApi
{
    /// <summary>A remote connector to register; <c>Secret</c> is write-only (stored encrypted, never returned).</summary>
    public sealed record AddConnectorRequest(string Name, string Url, string Secret);

    public static WebApplication MapConnectorsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/connectors").RequireAuthorization(ErpSyncClaims.AdminPolicy).WithTags("Sync Connectors");
        api.MapGet("/", (ConnectorAdmin admin, CancellationToken ct) => admin.ListAsync(ct))
            .WithSummary("The Sync Connectors list");
        api.MapPost("/", async (AddConnectorRequest request, ConnectorAdmin admin, CancellationToken ct) =>
                TypedResults.Created($"/api/connectors", await admin.AddRemoteAsync(request.Name, request.Url, request.Secret, ct)))
            .WithSummary("Registers a remote Sync Connector by name, URL and shared secret, after a signed call to its info succeeded");
        api.MapPost("/{id:int}/test", (int id, ConnectorAdmin admin, CancellationToken ct) => admin.TestAsync(id, ct))
            .WithSummary("Checks that a Sync Connector answers (remote: a signed info call)");
        api.MapDelete("/{id:int}", async (int id, ConnectorAdmin admin, CancellationToken ct) =>
            {
                await admin.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Deletes a Sync Connector that no ERP connection uses (409 otherwise)");
        return app;
    }
}
