using ErpSync.Engine.Connections;
using ErpSync.Engine.Resync;
using ErpSync.Server.Security;

namespace ErpSync.Server.Hosting;

internal static class ResyncApi
{
    /// <summary>From which side, whether blank source values may overwrite, and optionally which CRM records.</summary>
    public sealed record ResyncBody(ResyncSource From, bool NoBlankOverwrite = false, CrmEntity? Entity = null, IReadOnlyList<int>? RecordIds = null);

    public static WebApplication MapResyncApi(this WebApplication app)
    {
        app.MapPost("/api/connections/{id:int}/resync", async (int id, ResyncBody body, ResyncAdmin admin, CancellationToken ct) =>
            {
                // Queued as a trigger of the connection's own sync job, so it never overlaps a sync of the connection.
                await admin.QueueAsync(id, new ResyncRequest(body.From, body.NoBlankOverwrite, body.Entity, body.RecordIds), ct);
                return TypedResults.Accepted($"/api/sync/runs?connectionId={id}");
            })
            .RequireAuthorization(ErpSyncClaims.AdminPolicy).WithTags("Sync")
            .WithSummary("Queues a resync of one active connection: from = Crm (CRM → ERP) or Erp (ERP → CRM), ignoring versions; progress and result are its sync run (kind Resync)");
        return app;
    }
}
