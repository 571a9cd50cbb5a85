using ErpSync.Connectors;
using ErpSync.Engine.Mapping;
using ErpSync.Engine.Transfer;
using ErpSync.Server.Security;

namespace ErpSync.Server.Hosting;

internal static class MappingApi
{
    public sealed record RanksRequest(IReadOnlyList<string> FieldKeys);

    public sealed record ListMappingRequest(IReadOnlyList<ListItemInput> Items);

    public sealed record PriorityRequest(IReadOnlyList<int> Order);

    public static WebApplication MapMappingApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/connections/{id:int}").RequireAuthorization(ErpSyncClaims.AdminPolicy).WithTags("Mapping");
        api.MapGet("/mappings", (int id, MappingAdmin admin, CancellationToken ct) => admin.GetAsync(id, ct))
            .WithSummary("The Mappings dialog: per actor type the ERP fields, their CRM field, direction, flags, defaults and the CRM fields each may map to");
        api.MapPut("/mappings", (int id, Dictionary<ActorType, ActorTypeMappingInput> tabs, MappingAdmin admin, CancellationToken ct) =>
                admin.SaveAsync(id, tabs, ct))
            .WithSummary("Saves the Mappings dialog, all actor types at once in one transaction (only while the connection is inactive)");
        api.MapPut("/mappings/{actorType}", (int id, ActorType actorType, ActorTypeMappingInput input, MappingAdmin admin, CancellationToken ct) =>
                admin.SaveActorTypeAsync(id, actorType, input, ct))
            .WithSummary("Saves one tab of the Mappings dialog (only while the connection is inactive); refused per field when a mapping is not possible");
        api.MapPost("/refresh-fields", (int id, MappingAdmin admin, CancellationToken ct) => admin.RefreshFieldsAsync(id, ct))
            .WithSummary("Re-reads the connector's actor types and fields; vanished fields are flagged missing in ERP");
        api.MapPut("/ranks/{actorType}", async (int id, ActorType actorType, RanksRequest request, MappingAdmin admin, CancellationToken ct) =>
            {
                await admin.SaveRanksAsync(id, actorType, request.FieldKeys, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Rank fields: the order of all fields of an actor type on the ERP tab");
        api.MapPut("/defaults/{actorType}/{fieldKey}", (int id, ActorType actorType, string fieldKey, DefaultInput input, MappingAdmin admin, CancellationToken ct) =>
                admin.SaveDefaultAsync(id, actorType, fieldKey, input, ct))
            .WithSummary("Adds or changes a sync default value used when a new ERP record is created from the CRM");
        api.MapDelete("/defaults/{actorType}/{fieldKey}", (int id, ActorType actorType, string fieldKey, MappingAdmin admin, CancellationToken ct) =>
                admin.DeleteDefaultAsync(id, actorType, fieldKey, ct))
            .WithSummary("Removes a sync default value");
        api.MapGet("/erp-lists/{listName}", (int id, string listName, MappingAdmin admin, CancellationToken ct) => admin.GetErpListAsync(id, listName, ct))
            .WithSummary("Items of an ERP list, read live from the connector");
        api.MapGet("/list-mappings", (int id, MappingAdmin admin, CancellationToken ct) => admin.GetListMappingsAsync(id, ct))
            .WithSummary("The List mapping dialog: ERP list fields mapped to CRM list fields, with both sides' items");
        api.MapPut("/list-mappings/{actorType}/{fieldKey}", async (int id, ActorType actorType, string fieldKey, ListMappingRequest request, MappingAdmin admin, CancellationToken ct) =>
            {
                await admin.SaveListMappingAsync(id, actorType, fieldKey, request.Items, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Saves the item pairs of one list; one-to-one, a CRM item chosen twice is refused");
        api.MapGet("/export", async (int id, ConnectionTransfer transfer, CancellationToken ct) =>
            {
                var document = await transfer.ExportAsync(id, ct);
                return TypedResults.File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(document, ExportJson.Options), "application/json", ExportJson.FileName(document.Name));
            })
            .WithSummary("The connection's complete configuration without secrets, as a JSON file");

        app.MapPost("/api/connections/import", async (ConnectionImportRequest request, ConnectionTransfer transfer, CancellationToken ct) =>
            {
                var created = await transfer.ImportAsync(request, ct);
                return TypedResults.Created($"/api/connections/{created.Id}", created);
            })
            .RequireAuthorization(ErpSyncClaims.AdminPolicy).WithTags("Mapping")
            .WithSummary("Creates an inactive connection from an exported file plus its secrets, with all mappings, in one transaction");

        var priority = app.MapGroup("/api/sync/priority").RequireAuthorization(ErpSyncClaims.AdminPolicy).WithTags("Mapping");
        priority.MapGet("/", (PriorityAdmin admin, CancellationToken ct) => admin.GetAsync(ct))
            .WithSummary("The sync priority: connection ids highest first; 0 is the CRM itself");
        priority.MapPut("/", (PriorityRequest request, PriorityAdmin admin, CancellationToken ct) => admin.SaveAsync(request.Order, ct))
            .WithSummary("Saves the sync priority; it must name 0 and every connection once");
        return app;
    }
}
