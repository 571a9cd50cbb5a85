using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Data;
using ErpSync.Engine.Mapping;
using ErpSync.Server.BrowserTests.Pages;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests;

/// <summary>Resync from CRM on the Synchronize tab: confirmation with the blank option, queued, the run's result shown.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class ResyncFlowTests(BrowserApp app)
{
    [Fact]
    public async Task ResyncFromCrm_AsksFirst_ThenRunsInTheBackground_AndShowsTheResult()
    {
        var connectors = await app.Services.GetRequiredService<ConnectorAdmin>().ListAsync(TestContext.Current.CancellationToken);
        var created = await app.Services.GetRequiredService<ConnectionAdmin>().CreateAsync(new ConnectionInput("To resync", connectors.Single(c => c.BuiltInName == "ErpSync.DemoErp").Id, null, true, [],
            new Dictionary<string, string?>
            {
                ["DatabaseFile"] = Path.Combine(app.DataDirectory, "resync.db"),
                ["Administration"] = "NL01",
                ["UserName"] = "demo",
                ["Password"] = "demo-erp",
            }), TestContext.Current.CancellationToken);
        await app.Services.GetRequiredService<MappingAdmin>().SaveActorTypeAsync(created.Id, ActorType.Customer,
            new ActorTypeMappingInput(true, [new("NAME", "name", FieldDirection.Both, false, false)]), TestContext.Current.CancellationToken);
        (await app.Services.GetRequiredService<ConnectionAdmin>().SetActiveAsync(created.Id, true, TestContext.Current.CancellationToken)).Problems.ShouldBeEmpty();
        var page = await app.NewPageAsync("en-US");
        await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
        var tab = new SynchronizeTab(page);
        await tab.OpenFromSettingsAsync();

        await tab.Row("To resync").ClickAsync();
        await page.GetByTestId("resync-crm").ClickAsync();
        var dialog = page.GetByTestId("confirm-resync");
        await Expect(dialog).ToContainTextAsync("Take a database backup first.");
        await dialog.GetByTestId("resync-no-blank").CheckAsync();
        await dialog.GetByTestId("confirm-resync-ok").ClickAsync();

        await Expect(dialog).ToBeHiddenAsync();
        await Expect(page.GetByTestId("resync-notice")).ToContainTextAsync("Queued");
        await Expect(page.GetByTestId("resync-progress")).ToContainTextAsync("Last resync: Succeeded", new() { Timeout = 20_000 });
    }
}
