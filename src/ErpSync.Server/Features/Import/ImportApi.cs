using System.Security.Claims;
using ErpSync.Connectors;
using ErpSync.Engine.Import;
using ErpSync.Server.Security;

namespace ErpSync.Server.Hosting;

/// <summary>Import from ERP (functional spec §3.14): sources, search, dry-run preview, start, progress, cancel and result.</summary>
internal static class ImportApi
{
    public static WebApplication MapImportApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/import").RequireAuthorization(ErpSyncClaims.AdminPolicy).WithTags("Import from ERP");
        api.MapGet("/sources", (ImportAdmin imports, CancellationToken ct) => imports.SourcesAsync(ct))
            .WithSummary("Connections with the actor types that can be imported (synced to a CRM company or person), and whether an import of each is running");
        api.MapGet("/search", (int connectionId, ActorType actorType, ImportAdmin imports, CancellationToken ct, string? text = null, int skip = 0, int take = 20) =>
                imports.SearchAsync(connectionId, actorType, text, skip, take, ct))
            .WithSummary("Searches the ERP (blank text lists everything of the actor type), paged, with the 'Show in search' fields and whether each actor is linked already");
        api.MapGet("/search-fields", (int connectionId, ActorType actorType, ImportAdmin imports, CancellationToken ct) => imports.SearchFieldsAsync(connectionId, actorType, ct))
            .WithSummary("The connector's searchable fields of the actor type with the operators each field type allows (text, number, checkbox, list, date)");
        api.MapPost("/search", (ImportSearchRequest request, ImportAdmin imports, CancellationToken ct) =>
                imports.SearchAsync(request.ConnectionId, request.ActorType, request.Text, request.Skip, request.Take, ct, request.Criteria))
            .WithSummary("Searches the ERP with criteria (every criterion must hold), or free text when there are none, paged, with the 'Show in search' fields");
        api.MapPost("/preview", (ImportRequest request, ImportAdmin imports, CancellationToken ct, int skip = 0, int take = 50) => imports.PreviewAsync(request, skip, take, ct))
            .WithSummary("Dry run, writes nothing: counts of new, changed, unchanged, skipped and ambiguous rows over the whole selection, one page of rows with the fields that change, and the ambiguous rows with their CRM candidates");
        api.MapPost("/jobs", async (ImportRequest request, ClaimsPrincipal user, ImportAdmin imports, CancellationToken ct) =>
            {
                var job = await imports.StartAsync(request, user.UserId(), ct);
                return TypedResults.Created($"/api/import/jobs/{job.Id}", job);
            })
            .WithSummary("Queues the import; it runs in the background. Picks choose the CRM record of ambiguous rows; excluded ERP keys are skipped");
        api.MapGet("/jobs", (int? connectionId, ImportAdmin imports, CancellationToken ct) => imports.ListAsync(connectionId, ct))
            .WithSummary("Recent imports, newest first");
        api.MapGet("/jobs/{id:int}", (int id, ImportAdmin imports, CancellationToken ct) => imports.GetAsync(id, ct))
            .WithSummary("An import's state and progress: rows done and total, rate, time left, and the created, updated, unchanged, skipped and failed counts");
        api.MapPost("/jobs/{id:int}/cancel", (int id, ImportAdmin imports, CancellationToken ct) => imports.CancelAsync(id, ct))
            .WithSummary("Stops the import after the current batch; what was committed stays imported and linked");
        api.MapGet("/jobs/{id:int}/rows", (int id, ImportRowOutcome? outcome, ImportAdmin imports, CancellationToken ct, int skip = 0, int take = 50) =>
                imports.ResultAsync(id, outcome, skip, take, ct))
            .WithSummary("The created, updated, skipped or failed records of an import (with the reason for skipped and failed rows), paged");
        return app;
    }
}

/// <summary>The criteria search of the import wizard.</summary>
internal sealed record ImportSearchRequest(int ConnectionId, ActorType ActorType, string? Text = null, IReadOnlyList<ImportCriterion>? Criteria = null, int Skip = 0, int Take = 20);
