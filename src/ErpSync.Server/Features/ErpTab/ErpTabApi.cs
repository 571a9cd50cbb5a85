using System.Security.Claims;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Links;
using ErpSync.Server.Security;

namespace ErpSync.Server.Hosting;

internal static class ErpTabApi
{
    public sealed record AdvancedSearchInput(IReadOnlyList<SearchCriterion> Criteria, int Skip = 0, int Take = 20);

    public static WebApplication MapErpTabApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/erp-tab/{entity}/{recordId:int}").RequireAuthorization().WithTags("ERP tab");
        api.MapGet("/", (CrmEntity entity, int recordId, ClaimsPrincipal user, LinkAdmin links, CancellationToken ct) =>
                links.GetTabAsync(user.UserId(), entity, recordId, ct))
            .WithSummary("The ERP tab of a company, person or project: per usable connection the link, the live 'Show in ERP tab' fields, last sync and open issue, or the actor types it may be linked to");

        var connection = api.MapGroup("/connections/{connectionId:int}");
        connection.MapGet("/search", (CrmEntity entity, int recordId, int connectionId, ActorType actorType, ClaimsPrincipal user, LinkAdmin links, CancellationToken ct,
                string? text = null, int skip = 0, int take = 20) =>
                links.SearchAsync(user.UserId(), entity, recordId, connectionId, actorType, text, skip, take, ct))
            .WithSummary("Connect to ERP: searches ERP actors (blank text lists all; persons under the company's linked actor), paged, with the 'Show in search' fields");
        connection.MapGet("/searchable-fields", (CrmEntity entity, int connectionId, ActorType actorType, ClaimsPrincipal user, LinkAdmin links, CancellationToken ct) =>
                links.SearchableFieldsAsync(user.UserId(), entity, connectionId, actorType, ct))
            .WithSummary("The fields the ERP can search on for this actor type, with the operators of each field's type (for 'Advanced')");
        connection.MapPost("/search-advanced", (CrmEntity entity, int recordId, int connectionId, ActorType actorType, AdvancedSearchInput input, ClaimsPrincipal user, LinkAdmin links, CancellationToken ct) =>
                links.SearchAsync(user.UserId(), entity, recordId, connectionId, actorType, null, input.Skip, input.Take, ct, input.Criteria))
            .WithSummary("Connect to ERP, 'Advanced': structured search where every criterion must hold; values as text in the field's type");
        connection.MapGet("/preview", (CrmEntity entity, int recordId, int connectionId, ActorType actorType, string erpKey, ClaimsPrincipal user, LinkAdmin links, CancellationToken ct) =>
                links.PreviewAsync(user.UserId(), entity, recordId, connectionId, actorType, erpKey, ct))
            .WithSummary("The mapped fields whose CRM and ERP values differ, and which side may win each");
        connection.MapPost("/connect", (CrmEntity entity, int recordId, int connectionId, ConnectInput input, ClaimsPrincipal user, LinkAdmin links, CancellationToken ct) =>
                links.ConnectAsync(user.UserId(), entity, recordId, connectionId, input, ct))
            .WithSummary("Links the record to an ERP actor: writes the chosen value per differing field to both sides and stores the link with its base snapshot");
        connection.MapGet("/create-form", (CrmEntity entity, int recordId, int connectionId, ActorType actorType, ClaimsPrincipal user, LinkAdmin links, CancellationToken ct) =>
                links.GetCreateFormAsync(user.UserId(), entity, recordId, connectionId, actorType, ct))
            .WithSummary("Create in ERP: the 'ask user' defaults, prefilled, and a fresh idempotency key");
        connection.MapPost("/create", (CrmEntity entity, int recordId, int connectionId, CreateInput input, ClaimsPrincipal user, LinkAdmin links, CancellationToken ct) =>
                links.CreateAsync(user.UserId(), entity, recordId, connectionId, input, ct))
            .WithSummary("Creates the ERP actor (mapped CRM values, silent defaults and the user's input) through an outbox intent and links it; the same idempotency key never creates a second ERP record");
        connection.MapDelete("/link", async (CrmEntity entity, int recordId, int connectionId, ClaimsPrincipal user, LinkAdmin links, CancellationToken ct) =>
            {
                await links.DisconnectAsync(user.UserId(), entity, recordId, connectionId, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Disconnects the record: removes the link only, nothing is changed in the ERP");
        connection.MapPost("/sync", (CrmEntity entity, int recordId, int connectionId, ClaimsPrincipal user, LinkAdmin links, CancellationToken ct) =>
                links.SyncNowAsync(user.UserId(), entity, recordId, connectionId, ct))
            .WithSummary("Sync now: syncs this record's link right away, both directions, and returns the run's counts");
        return app;
    }
}
