using ErpSync.Engine.Crm;
using ErpSync.Server.Security;

namespace ErpSync.Server.Hosting;

internal static class ListsApi
{
    public sealed record ReorderRequest(IReadOnlyList<int> ItemIds);

    public static WebApplication MapListsApi(this WebApplication app)
    {
        var read = app.MapGroup("/api/lists").RequireAuthorization().WithTags("Lists");
        read.MapGet("/", (CrmListAdmin admin, CancellationToken ct) => admin.ListAsync(ct))
            .WithSummary("All lists with all items in rank order; deleted items are flagged isDeleted");
        read.MapGet("/{listId:int}", (int listId, CrmListAdmin admin, CancellationToken ct) => admin.GetAsync(listId, ct))
            .WithSummary("One list with its items");

        var admin = app.MapGroup("/api/lists/{listId:int}").RequireAuthorization(ErpSyncClaims.AdminPolicy).WithTags("Lists");
        admin.MapPost("/items", async (int listId, CrmListItemInput input, CrmListAdmin lists, CancellationToken ct) =>
            {
                var created = await lists.AddItemAsync(listId, input, ct);
                return TypedResults.Created($"/api/lists/{listId}", created);
            })
            .WithSummary("Adds an item at the end of the list (administrators)");
        admin.MapPut("/items/{itemId:int}", (int listId, int itemId, CrmListItemInput input, CrmListAdmin lists, CancellationToken ct) =>
                lists.UpdateItemAsync(listId, itemId, input, ct))
            .WithSummary("Renames an item or changes its code (administrators)");
        admin.MapPut("/order", (int listId, ReorderRequest request, CrmListAdmin lists, CancellationToken ct) => lists.ReorderAsync(listId, request.ItemIds ?? [], ct))
            .WithSummary("Puts the items in this order; items left out follow in their current order (administrators)");
        admin.MapDelete("/items/{itemId:int}", async (int listId, int itemId, CrmListAdmin lists, CancellationToken ct) =>
            {
                await lists.SetDeletedAsync(listId, itemId, deleted: true, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Marks an item deleted: records that use it keep it, it is no longer offered (administrators)");
        admin.MapPost("/items/{itemId:int}/restore", (int listId, int itemId, CrmListAdmin lists, CancellationToken ct) =>
                lists.SetDeletedAsync(listId, itemId, deleted: false, ct))
            .WithSummary("Restores a deleted item (administrators)");
        return app;
    }
}
