using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Server.Security;

namespace ErpSync.Server.Hosting;

internal static class ConnectionsApi
{
    public sealed record ListItemsRequest(IReadOnlyDictionary<string, string?>? Values);

    public sealed record SetActiveRequest(bool Active);

    public static WebApplication MapConnectionsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/connections").RequireAuthorization(ErpSyncClaims.AdminPolicy).WithTags("ERP connections");
        api.MapGet("/", (ConnectionAdmin admin, CancellationToken ct, bool includeDeleted = false) => admin.ListAsync(includeDeleted, ct))
            .WithSummary("The ERP connections list; deleted ones only with includeDeleted=true");
        api.MapGet("/{id:int}", (int id, ConnectionAdmin admin, CancellationToken ct) => admin.GetAsync(id, ct))
            .WithSummary("One connection; password values are never returned, only listed in secretsSet");
        api.MapPost("/", async (ConnectionInput input, ConnectionAdmin admin, CancellationToken ct) =>
            {
                var created = await admin.CreateAsync(input, ct);
                return TypedResults.Created($"/api/connections/{created.Id}", created);
            })
            .WithSummary("Defines a connection: tests the configuration, reads actor types and fields, saves it inactive");
        api.MapPut("/{id:int}", (int id, ConnectionInput input, ConnectionAdmin admin, CancellationToken ct) => admin.UpdateAsync(id, input, ct))
            .WithSummary("Edits a connection; configuration values only while inactive. Omit a password key to keep the stored secret");
        api.MapPost("/test", (ConnectionTestInput input, ConnectionAdmin admin, CancellationToken ct) => admin.TestAsync(input, ct))
            .WithSummary("Tests a candidate configuration without saving");
        api.MapPut("/{id:int}/active", (int id, SetActiveRequest request, ConnectionAdmin admin, CancellationToken ct) => admin.SetActiveAsync(id, request.Active, ct))
            .WithSummary("Activates (after validation) or deactivates a connection; problems are returned when activation is refused");
        api.MapDelete("/{id:int}", async (int id, ConnectionAdmin admin, CancellationToken ct) =>
            {
                await admin.DeleteAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Soft-deletes a connection");
        api.MapPost("/{id:int}/restore", async (int id, ConnectionAdmin admin, CancellationToken ct) =>
            {
                await admin.RestoreAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Restores a soft-deleted connection (inactive)");

        var fields = app.MapGroup("/api/connectors/{connectorId:int}").RequireAuthorization(ErpSyncClaims.AdminPolicy).WithTags("Sync Connectors");
        fields.MapGet("/config-fields", (int connectorId, ConnectionAdmin admin, CancellationToken ct) => admin.GetConfigFieldsAsync(connectorId, ct))
            .WithSummary("The configuration fields a connection of this connector needs");
        fields.MapPost("/lists/{listName}", (int connectorId, string listName, ListItemsRequest request, ConnectionAdmin admin, CancellationToken ct) =>
                admin.GetConfigListAsync(connectorId, listName, request.Values ?? new Dictionary<string, string?>(), ct))
            .WithSummary("Items of a configuration list, given the values entered so far");

        app.MapGet("/api/me/connections", (HttpContext context, ConnectionAdmin admin, CancellationToken ct) => admin.UsableByAsync(context.User.UserId(), ct))
            .RequireAuthorization().WithTags("ERP connections").WithSummary("Active connections in the signed-in user's scope (the ERP tab)");
        return app;
    }
}
