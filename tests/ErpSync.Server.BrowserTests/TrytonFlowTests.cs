using System.Diagnostics;
using System.Globalization;
using ErpSync.Connectors;
using ErpSync.Connectors.Tryton.Tests;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Data;
using ErpSync.Server.BrowserTests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests;

/// <summary>
/// A Tryton connection made entirely in the browser against a live trytond: the company and category lists appear
/// once a test has logged in, then test, save, map, activate, import the customers, and the ERP tab shows Tryton's values.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class TrytonFlowTests(BrowserApp app) : IAsyncLifetime
{
    private TrytonServer? _tryton;

    private TrytonServer Tryton => _tryton ?? throw new InvalidOperationException("Tryton is not started.");

    public async ValueTask InitializeAsync() => _tryton = await TrytonServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_tryton is not null)
        {
            await _tryton.DisposeAsync();
        }
    }

    [Fact]
    public async Task AdminDefinesTrytonConnection_ImportsCustomers_ErpTabShowsTrytonValues()
    {
        var clock = Stopwatch.StartNew();
        var connectionName = "Tryton " + Guid.NewGuid().ToString("N")[..6];
        await DeactivateOtherConnectionsAsync();
        var page = await app.NewPageAsync("en-US");
        await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
        var tab = new SynchronizeTab(page);
        await tab.OpenFromSettingsAsync();
        try
        {
            await tab.StartNewConnectionAsync();
            await tab.SetNameAsync(connectionName);
            await tab.ChooseConnectorAsync("Tryton");
            await tab.FillConfigAsync("ServerUrl", Tryton.RootUrl.ToString());
            await tab.FillConfigAsync("Database", "erpsync");
            await tab.FillConfigAsync("UserName", "admin");
            await tab.FillConfigAsync("Password", Tryton.Password);
            // Before a login Tryton cannot list its companies: only "(No selection)", with the reason under the list.
            await Expect(tab.Dialog.Locator("#cfg-Company option")).ToHaveCountAsync(1);
            await Expect(tab.Dialog.GetByTestId("cfg-field-Company")).ToContainTextAsync("Fill in the server URL, database, user name and password.");

            // A test reads the lists again: it fails for the missing choices, but now the company can be picked.
            await tab.TestConnectionAsync();
            await Expect(tab.TestResult).ToContainTextAsync("Company is required");
            await Expect(tab.Dialog.Locator("#cfg-Company option")).ToHaveCountAsync(2);
            await tab.SelectConfigAsync("Company", Tryton.Company.ToString(CultureInfo.InvariantCulture));
            await tab.Dialog.Locator("#cfg-CustomerCategory").SelectOptionAsync(new SelectOptionValue { Label = "Customer" });
            await tab.Dialog.Locator("#cfg-SupplierCategory").SelectOptionAsync(new SelectOptionValue { Label = "Supplier" });
            await Expect(tab.OkButton).ToBeDisabledAsync();
            await tab.TestConnectionAsync();
            await Expect(tab.TestResult).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("alert-success"));
            await Expect(tab.TestResult).ToContainTextAsync("Acme ERP GmbH");
            await Screenshots.TakeAsync(page, "en-US-tryton-test-passed");
            await tab.OkButton.ClickAsync();
            await Expect(tab.Dialog).ToBeHiddenAsync();

            var row = tab.Row(connectionName);
            await row.ClickAsync();
            var dialogs = new MappingDialogs(page);
            await dialogs.OpenAsync("open-mappings", dialogs.Mappings);
            await dialogs.MappingTabAsync("Customer");
            await dialogs.Mappings.GetByTestId("sync-actor-type").CheckAsync();
            await dialogs.MapAsync("NAME", null, "Both");
            await dialogs.MappingRow("EMAIL").GetByTestId("show-in-erp-tab").CheckAsync();
            await dialogs.MappingRow("CITY").GetByTestId("show-in-erp-tab").CheckAsync();
            await dialogs.Mappings.GetByTestId("mappings-done").ClickAsync();
            await Expect(dialogs.Mappings).ToBeHiddenAsync();
            await row.GetByTestId("connection-active").ClickAsync();
            await Expect(row.GetByTestId("connection-active")).ToBeCheckedAsync();

            await row.ClickAsync();
            await page.GetByTestId("open-import").ClickAsync();
            await page.WaitForURLAsync("**/settings/quote-sync/import?connection=*");
            await Session.WaitInteractiveAsync(page);
            await page.GetByTestId("import-actor-type").SelectOptionAsync("Customer");
            // Tryton's structured search: both seeded customers have an e-mail address at *.example.
            await page.GetByTestId("criterion-add").ClickAsync();
            await page.GetByTestId("criterion-field").SelectOptionAsync("EMAIL");
            await page.GetByTestId("criterion-operator").SelectOptionAsync("Ends");
            await page.GetByTestId("criterion-value").FillAsync(".example");
            await page.GetByTestId("import-find").ClickAsync();
            await Expect(page.GetByTestId("search-row")).ToHaveCountAsync(2);
            await page.GetByTestId("import-take-all").CheckAsync();
            await page.GetByTestId("import-preview").ClickAsync();
            await Expect(page.GetByTestId("preview-counts")).ToContainTextAsync("New: 2");
            await page.GetByTestId("import-start").ClickAsync();
            await Expect(page.Locator("[data-testid=import-state] [data-state=Completed]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Expect(page.GetByTestId("result-created")).ToContainTextAsync("2");
            await Screenshots.TakeAsync(page, "en-US-tryton-import");

            await Session.GotoInteractiveAsync(page, $"companies/{await ImportedCompanyAsync(connectionName, Tryton.SeedId("parties", "globex"))}");
            await page.GetByTestId("tab-erp").ClickAsync();
            var section = page.GetByTestId("erp-section");
            await Expect(section.Locator("[data-testid=erp-field][data-field='EMAIL']")).ToHaveTextAsync("purchasing@globex.example");
            await Expect(section.Locator("[data-testid=erp-field][data-field='CITY']")).ToHaveTextAsync("München");
            await Screenshots.TakeAsync(page, "en-US-tryton-erp-tab");
            TestContext.Current.SendDiagnosticMessage($"Tryton browser flow: {clock.Elapsed.TotalSeconds:F1} s after trytond started");
        }
        finally
        {
            // The browser tests share one server: leave nothing active for the flows that run after this one.
            await DeactivateOtherConnectionsAsync();
        }
    }

    private async Task<int> ImportedCompanyAsync(string connectionName, long partyId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ErpSyncDb>>().CreateDbContextAsync();
        var connection = await db.Connections.SingleAsync(c => c.Name == connectionName);
        var key = partyId.ToString(CultureInfo.InvariantCulture);
        return await db.Links.Where(l => l.ConnectionId == connection.Id && l.ActorType == ActorType.Customer && l.ErpKey == key).Select(l => l.CrmRecordId).SingleAsync();
    }

    private async Task DeactivateOtherConnectionsAsync()
    {
        var connections = app.Services.GetRequiredService<ConnectionAdmin>();
        foreach (var active in (await connections.ListAsync(false, default)).Where(c => c.IsActive))
        {
            await connections.SetActiveAsync(active.Id, false, default);
        }
    }
}
