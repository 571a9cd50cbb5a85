using System.Net.Http.Json;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Data;
using ErpSync.Engine.Mapping;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Server.Tests.Resync;

/// <summary>An active demo-ERP connection syncing Customer NAME both ways, made through the API, and a linked company.</summary>
internal static class DemoConnection
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<int> CreateAsync(HttpClient client, string databaseFile, string? name = null)
    {
        var demo = (await client.GetFromJsonAsync<List<ConnectorSummary>>("/api/connectors", ApiJson.Options, Ct))!.Single(c => c.BuiltInName == "ErpSync.DemoErp");
        var created = await (await client.PostJsonAsync("/api/connections", new ConnectionInput(name ?? "Demo " + Guid.NewGuid().ToString("N")[..8], demo.Id, null, true, [], new Dictionary<string, string?>
        {
            ["DatabaseFile"] = databaseFile,
            ["Administration"] = "NL01",
            ["UserName"] = "demo",
            ["Password"] = "demo-erp",
        }))).ReadAsync<ConnectionDetails>();
        await client.PutJsonAsync($"/api/connections/{created.Id}/mappings/Customer", new ActorTypeMappingInput(true, [new("NAME", "name", FieldDirection.Both, false, false)]));
        (await (await client.PutJsonAsync($"/api/connections/{created.Id}/active", new { active = true })).ReadAsync<ActivationResult>()).IsActive.ShouldBeTrue();
        return created.Id;
    }

    /// <summary>A CRM company linked to <paramref name="erpKey"/> whose name differs from the ERP's, with the ERP's name as base.</summary>
    public static async Task<int> LinkedCompanyAsync(ErpSyncApp app, int connectionId, string erpKey, string crmName)
    {
        var erpName = await ErpNameAsync(app, connectionId, erpKey);
        await using var db = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
        var company = db.Companies.Add(new ErpSync.Engine.Crm.Company { Name = crmName }).Entity;
        await db.SaveChangesAsync(Ct);
        var link = new ErpSync.Engine.Links.Link { ConnectionId = connectionId, CrmEntity = CrmEntity.Company, CrmRecordId = company.Id, ActorType = ActorType.Customer, ErpKey = erpKey, CrmChangeSeq = company.ChangeSeq };
        ErpSync.Engine.Links.LinkBase.Write(link, new Dictionary<string, FieldValue?> { ["NAME"] = FieldValue.Text(erpName!) });
        db.Links.Add(link);
        await db.SaveChangesAsync(Ct);
        return company.Id;
    }

    public static async Task<string?> ErpNameAsync(ErpSyncApp app, int connectionId, string erpKey)
    {
        await using var db = await app.GetService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync(Ct);
        var connection = await db.Connections.Include(c => c.ConfigValues).FirstAsync(c => c.Id == connectionId, Ct);
        var connector = app.GetService<ConnectorCatalog>().Find("ErpSync.DemoErp")!;
        var context = new ConnectorContext(connection.PublicId, app.GetService<ConnectionConfigStore>().Read(connection));
        var actor = (await connector.GetActorsAsync(context, new GetActorsRequest(ActorType.Customer, [erpKey], ["NAME"]), Ct)).GetValueOrThrow().Single();
        return actor.Fields["NAME"]?.ToInvariantString();
    }
}
