using ErpSync.Connectors.DemoErp;
using ErpSync.Connectors.Hosting.Tests;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Data;
using ErpSync.Server.BrowserTests.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests;

/// <summary>The other actions of the Synchronize tab: connectors, configure, activation refused, delete and restore.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class SynchronizeTabTests(BrowserApp app)
{
    [Fact]
    public async Task AddRemoteConnector_RefusedUntilUrlAndSecretAnswer_ListedReachable_DeletingAConnectorInUseSaysWhy()
    {
        await using var remote = await RemoteHost.StartAsync(new DemoErpConnector(TimeProvider.System), "browser-secret");
        await CreateConnectionAsync("Connector in use", Path.Combine(app.DataDirectory, "in-use.db"));
        var (page, _) = await OpenAsync("en-US");

        await page.GetByTestId("connector-add").ClickAsync();
        var dialog = page.GetByTestId("connector-dialog");
        await dialog.GetByTestId("connector-name").FillAsync("Acme ERP");
        await dialog.GetByTestId("connector-url").FillAsync("not a url");
        await dialog.GetByTestId("connector-secret").FillAsync("wrong-secret");
        await dialog.GetByTestId("connector-ok").ClickAsync();
        await Expect(dialog.GetByTestId("error-url")).ToBeVisibleAsync();
        await dialog.GetByTestId("connector-url").FillAsync(remote.BaseUrl.ToString());
        await dialog.GetByTestId("connector-ok").ClickAsync();
        await Expect(dialog.GetByTestId("error-secret")).ToContainTextAsync("refused the signature");
        await dialog.GetByTestId("connector-secret").FillAsync("browser-secret");
        await dialog.GetByTestId("connector-ok").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        var acme = page.GetByTestId("connector-row").Filter(new() { HasText = "Acme ERP" });
        await Expect(acme.GetByTestId("connector-status")).ToHaveTextAsync("Reachable");
        await acme.ClickAsync();
        await page.GetByTestId("connector-test").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToContainTextAsync("The connector answers: Demo ERP");

        await page.GetByTestId("connector-row").Filter(new() { HasText = "Demo ERP" }).First.ClickAsync();
        await page.GetByTestId("connector-delete").ClickAsync();
        await Expect(page.GetByTestId("error-banner")).ToContainTextAsync("cannot be deleted because these ERP connections use it");
        await Expect(page.GetByTestId("connector-row").Filter(new() { HasText = "Demo ERP" }).First).ToBeVisibleAsync();

        await acme.ClickAsync();
        await page.GetByTestId("connector-delete").ClickAsync();
        await Expect(acme).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ConfigureInactiveConnection_ChangedConfigNeedsNewTest_NameAloneDoesNot()
    {
        await CreateConnectionAsync("To configure", Path.Combine(app.DataDirectory, "configure.db"));
        var (page, tab) = await OpenAsync("nl-NL");

        await tab.Row("To configure").ClickAsync();
        await page.GetByTestId("connection-configure").ClickAsync();
        await Expect(tab.Dialog).ToContainTextAsync("ERP-verbinding configureren");
        await Expect(tab.Dialog.Locator("#cfg-Password")).ToHaveAttributeAsync("placeholder", "Ingesteld – leeg laten om te behouden");
        await tab.SetNameAsync("Configured");
        await Expect(tab.OkButton).ToBeEnabledAsync();

        await tab.SelectConfigAsync("Administration", "BE01");
        await Expect(tab.OkButton).ToBeDisabledAsync();
        await tab.TestConnectionAsync();
        await Expect(tab.TestResult).ToContainTextAsync("BE01");
        await tab.OkButton.ClickAsync();
        await Expect(tab.Dialog).ToBeHiddenAsync();
        await Expect(tab.Row("Configured")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ActivateWhenStoredConfigNoLongerTestsOk_StaysInactiveWithReason()
    {
        var folder = Directory.CreateTempSubdirectory("erpsync-gone-").FullName;
        await CreateConnectionAsync("Folder gone", Path.Combine(folder, "erp.db"));
        Directory.Delete(folder, recursive: true);
        var (page, tab) = await OpenAsync("en-US");

        var active = tab.Row("Folder gone").GetByTestId("connection-active");
        await active.ClickAsync();
        await Expect(page.GetByTestId("error-banner")).ToContainTextAsync("was not activated");
        await Expect(active).Not.ToBeCheckedAsync();
    }

    [Fact]
    public async Task DeleteConnection_HiddenUntilShowDeleted_RestoreBringsItBackInactive()
    {
        await CreateConnectionAsync("To delete", Path.Combine(app.DataDirectory, "delete.db"));
        var (page, tab) = await OpenAsync("en-US");

        await tab.Row("To delete").ClickAsync();
        await page.GetByTestId("connection-delete").ClickAsync();
        await page.GetByTestId("confirm-delete-ok").ClickAsync();
        await Expect(tab.Row("To delete")).ToHaveCountAsync(0);

        await page.GetByTestId("show-deleted").CheckAsync();
        await tab.Row("To delete").ClickAsync();
        await page.GetByTestId("connection-restore").ClickAsync();
        await page.GetByTestId("show-deleted").UncheckAsync();
        await Expect(tab.Row("To delete")).ToBeVisibleAsync();
        await Expect(tab.Row("To delete").GetByTestId("connection-active")).Not.ToBeCheckedAsync();
    }

    private async Task<(IPage Page, SynchronizeTab Tab)> OpenAsync(string locale)
    {
        var page = await app.NewPageAsync(locale);
        await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
        var tab = new SynchronizeTab(page);
        await tab.OpenFromSettingsAsync();
        return (page, tab);
    }

    private async Task CreateConnectionAsync(string name, string databaseFile)
    {
        var connectors = await app.Services.GetRequiredService<ConnectorAdmin>().ListAsync(default);
        var demo = connectors.Single(c => c.BuiltInName == "ErpSync.DemoErp");
        await app.Services.GetRequiredService<ConnectionAdmin>().CreateAsync(new ConnectionInput(name, demo.Id, null, true, [], new Dictionary<string, string?>
        {
            ["DatabaseFile"] = databaseFile,
            ["Administration"] = "NL01",
            ["UserName"] = "demo",
            ["Password"] = "demo-erp",
        }), default);
    }
}
