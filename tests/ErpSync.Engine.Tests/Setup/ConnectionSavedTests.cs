using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Tests.Sync;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Engine.Tests.Setup;

/// <summary>The connector hears of a saved configuration only inside the save, and a refusal saves nothing.</summary>
public sealed class ConnectionSavedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ConnectionInput Input(SyncScenario scenario, int connectorId, string name) => new(name, connectorId, null, true, [], new Dictionary<string, string?>
    {
        ["DatabaseFile"] = scenario.ErpFile(name),
        ["Administration"] = "NL01",
        ["UserName"] = "demo",
        ["Password"] = "demo-erp",
    });

    [Fact]
    public async Task ARefusedNotice_LeavesNothingSaved_AndAnAcceptedOneIsSentOnce()
    {
        await using var scenario = await SyncScenario.StartAsync();
        var connectorId = (await scenario.Get<ConnectorAdmin>().ListAsync(Ct)).Single().Id;
        scenario.Connector.RefuseSaved = "The ERP refused the webhook.";

        var error = await Should.ThrowAsync<UserErrorException>(() => scenario.Get<ConnectionAdmin>().CreateAsync(Input(scenario, connectorId, "refused"), Ct));

        error.Message.ShouldBe("The ERP refused the webhook.");
        await using (var db = await scenario.OpenAsync())
        {
            (await db.Connections.CountAsync(Ct)).ShouldBe(0);
        }

        scenario.Connector.RefuseSaved = null;
        var before = scenario.Connector.SavedNotices;
        var created = await scenario.Get<ConnectionAdmin>().CreateAsync(Input(scenario, connectorId, "accepted"), Ct);
        scenario.Connector.SavedNotices.ShouldBe(before + 1);
        await using var check = await scenario.OpenAsync();
        (await check.Connections.SingleAsync(Ct)).Id.ShouldBe(created.Id);
    }
}
