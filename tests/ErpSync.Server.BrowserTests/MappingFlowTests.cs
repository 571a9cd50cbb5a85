using System.Text.RegularExpressions;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using ErpSync.Engine.Data;
using ErpSync.Engine.Mapping;
using ErpSync.Server.BrowserTests.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests;

/// <summary>Issue 3 in the browser: mappings, list mapping, defaults, rank fields, sync priority, activation rules, export and import.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class MappingFlowTests(BrowserApp app) : IAsyncDisposable
{
    private readonly List<int> _created = [];

    private static readonly Regex Red = new("table-danger");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en-US", "Both ways", "not activated", "Country")]
    [InlineData("nl-NL", "Beide richtingen", "niet geactiveerd", "Land")]
    public async Task MapCustomer_SummaryShowsDirections_ActivationRefusedUntilListMapped(string locale, string both, string refused, string country)
    {
        var name = "Mapping " + locale;
        await CreateConnectionAsync(name);
        var (page, tab, dialogs) = await OpenAsync(locale, name);

        await dialogs.OpenAsync("open-mappings", dialogs.Mappings);
        await dialogs.MappingTabAsync("Customer");
        await dialogs.Mappings.GetByTestId("sync-actor-type").CheckAsync();
        await Expect(dialogs.MappingRow("PHONE").GetByTestId("direction")).ToBeEnabledAsync();
        await Expect(dialogs.MappingRow("CREDITLIMIT").GetByTestId("direction")).ToBeDisabledAsync();
        await dialogs.MapAsync("NAME", null, "Both");
        await dialogs.MapAsync("COUNTRY", null, "Both");
        await dialogs.MapAsync("EMAIL", null, "ToCrm");
        // A read-only key can only be copied into the CRM.
        (await dialogs.MappingRow("NUMBER1").GetByTestId("direction").Locator("option").AllTextContentsAsync()).Count.ShouldBe(2);
        await dialogs.MapAsync("NUMBER1", null, "ToCrm");
        // Synced and "show in ERP tab" exclude each other.
        await dialogs.MappingRow("EMAIL").GetByTestId("show-in-erp-tab").CheckAsync();
        await Expect(dialogs.MappingRow("EMAIL").GetByTestId("direction")).ToHaveValueAsync("None");
        await dialogs.MapAsync("EMAIL", null, "ToCrm");
        await Expect(dialogs.MappingRow("EMAIL").GetByTestId("show-in-erp-tab")).Not.ToBeCheckedAsync();
        await dialogs.MappingRow("BALANCE").GetByTestId("show-in-erp-tab").CheckAsync();
        await Expect(dialogs.MappingRow("NAME").GetByTestId("direction").Locator("option:checked")).ToHaveTextAsync(both);
        await Screenshots.TakeAsync(page, $"{locale}-mappings");
        await dialogs.Mappings.GetByTestId("mappings-done").ClickAsync();
        await Expect(dialogs.Mappings).ToBeHiddenAsync();
        await Expect(dialogs.Summary.GetByTestId("synced-fields-Customer")).ToContainTextAsync("↔");
        await Expect(dialogs.Summary.GetByTestId("synced-fields-Customer")).ToContainTextAsync("→");

        var active = tab.Row(name).GetByTestId("connection-active");
        await active.ClickAsync();
        await Expect(page.GetByTestId("error-banner")).ToContainTextAsync(refused);
        await Expect(page.GetByTestId("error-banner")).ToContainTextAsync(country);
        await Expect(active).Not.ToBeCheckedAsync();

        await dialogs.OpenAsync("open-list-mapping", dialogs.ListMapping);
        await dialogs.ListMapping.Locator("[data-testid=mapped-list][data-field='COUNTRY'][data-actor='Customer']").ClickAsync();
        var netherlands = await dialogs.ListMapping.GetByTestId("crm-item").First.Locator("option").Filter(new() { HasText = "(NL)" }).GetAttributeAsync("value");
        await dialogs.ListItem("NL").GetByTestId("crm-item").SelectOptionAsync(netherlands!);
        await dialogs.ListItem("BE").GetByTestId("crm-item").SelectOptionAsync(netherlands!);
        await Expect(dialogs.ListItem("NL")).ToHaveClassAsync(Red);
        await Expect(dialogs.ListItem("BE")).ToHaveClassAsync(Red);
        await dialogs.ListMapping.GetByTestId("list-save").ClickAsync();
        await Expect(dialogs.ListMapping.GetByTestId("error-banner")).ToBeVisibleAsync();
        await dialogs.ListItem("BE").GetByTestId("crm-item").SelectOptionAsync("");
        await dialogs.ListMapping.GetByTestId("suggest").ClickAsync();
        await Expect(dialogs.ListItem("BE")).Not.ToHaveClassAsync(Red);
        await Expect(dialogs.ListItem("BE").GetByTestId("crm-item").Locator("option:checked")).ToContainTextAsync("(BE)");
        await Screenshots.TakeAsync(page, $"{locale}-list-mapping");
        await dialogs.ListMapping.GetByTestId("list-save").ClickAsync();
        await Expect(dialogs.ListMapping.GetByTestId("list-saved")).ToBeVisibleAsync();
        await dialogs.ListMapping.GetByTestId("list-close").ClickAsync();

        await active.ClickAsync();
        await Expect(active).ToBeCheckedAsync();
        await Expect(page.GetByTestId("notice")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PersonSyncWithoutLastName_Refused_MandatoryDefaultFixesIt()
    {
        const string name = "Defaults flow";
        var id = await CreateConnectionAsync(name);
        await app.Services.GetRequiredService<MappingAdmin>().SaveActorTypeAsync(id, ActorType.Person, new ActorTypeMappingInput(true, []), Ct);
        var (page, tab, dialogs) = await OpenAsync("en-US", name);

        var active = tab.Row(name).GetByTestId("connection-active");
        await active.ClickAsync();
        await Expect(page.GetByTestId("error-banner")).ToContainTextAsync("the ERP requires Last name");

        await dialogs.OpenAsync("open-defaults", dialogs.Defaults);
        await dialogs.Defaults.GetByTestId("defaults-tab-Person").ClickAsync();
        await dialogs.Defaults.GetByTestId("default-add").ClickAsync();
        await dialogs.DefaultEditor.GetByTestId("default-field").SelectOptionAsync("LASTNAME");
        await Expect(dialogs.DefaultEditor.GetByTestId("default-mandatory")).ToBeCheckedAsync();
        await Expect(dialogs.DefaultEditor.GetByTestId("default-mandatory")).ToBeDisabledAsync();
        await dialogs.DefaultEditor.GetByTestId("default-ok").ClickAsync();
        await Expect(dialogs.DefaultEditor.GetByTestId("error-banner")).ToContainTextAsync("needs a default value or");
        await dialogs.DefaultEditor.GetByTestId("default-ask-user").CheckAsync();
        await dialogs.DefaultEditor.GetByTestId("default-ok").ClickAsync();
        await Expect(dialogs.DefaultEditor).ToBeHiddenAsync();
        await Expect(dialogs.Defaults.Locator("[data-testid=default-row][data-field='LASTNAME']")).ToBeVisibleAsync();
        await dialogs.Defaults.GetByTestId("defaults-close").ClickAsync();

        await active.ClickAsync();
        await Expect(active).ToBeCheckedAsync();
        await dialogs.OpenAsync("open-defaults", dialogs.Defaults);
        await Expect(dialogs.Defaults.GetByTestId("default-add")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task RankFields_MoveUpAndDone_OrderKept_DoubleClickOpensDefaultEditor()
    {
        const string name = "Rank flow";
        await CreateConnectionAsync(name);
        var (_, _, dialogs) = await OpenAsync("en-US", name);

        await dialogs.OpenAsync("open-rank", dialogs.Rank);
        var items = dialogs.Rank.GetByTestId("rank-item");
        var second = await items.Nth(1).GetAttributeAsync("data-field");
        await items.Nth(1).ClickAsync();
        await dialogs.Rank.GetByTestId("rank-up").ClickAsync();
        await Expect(items.First).ToHaveAttributeAsync("data-field", second!);
        await dialogs.Rank.GetByTestId("rank-done").ClickAsync();
        await Expect(dialogs.Rank).ToBeHiddenAsync();

        await dialogs.OpenAsync("open-rank", dialogs.Rank);
        await Expect(dialogs.Rank.GetByTestId("rank-item").First).ToHaveAttributeAsync("data-field", second!);
        await dialogs.RankItem("EMAIL").DblClickAsync();
        await Expect(dialogs.DefaultEditor.GetByTestId("default-field")).ToHaveValueAsync("EMAIL");
    }

    [Fact]
    public async Task SyncPriority_MoveConnectionAboveCrm_Saved()
    {
        const string name = "Priority flow";
        var id = await CreateConnectionAsync(name);
        var (_, _, dialogs) = await OpenAsync("en-US", name);

        await dialogs.OpenAsync("open-priority", dialogs.Priority);
        await Expect(dialogs.Priority).ToContainTextAsync("highest in this list wins");
        var item = dialogs.Priority.Locator($"[data-testid=priority-item][data-id='{id}']");
        await item.ClickAsync();
        for (var i = 0; i < 20 && await dialogs.Priority.GetByTestId("priority-item").First.GetAttributeAsync("data-id") != id.ToString(System.Globalization.CultureInfo.InvariantCulture); i++)
        {
            await dialogs.Priority.GetByTestId("priority-up").ClickAsync();
        }

        await dialogs.Priority.GetByTestId("priority-done").ClickAsync();
        await Expect(dialogs.Priority).ToBeHiddenAsync();

        (await app.Services.GetRequiredService<PriorityAdmin>().GetAsync(Ct))[0].ConnectionId.ShouldBe(id);
    }

    [Fact]
    public async Task ExportThenImport_CreatesAnInactiveCopyWithTheSameMappings()
    {
        const string name = "Export flow";
        var id = await CreateConnectionAsync(name);
        var mappings = app.Services.GetRequiredService<MappingAdmin>();
        await mappings.SaveActorTypeAsync(id, ActorType.Customer, new ActorTypeMappingInput(true,
            [new FieldMappingInput("NAME", "name", FieldDirection.Both, true, false, ConflictPolicy.CrmWins), new FieldMappingInput("BALANCE", null, FieldDirection.None, false, true)]), Ct);
        var (page, tab, _) = await OpenAsync("en-US", name);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
        var file = Path.Combine(app.DataDirectory, "export.json");
        await download.SaveAsAsync(file);
        (await File.ReadAllTextAsync(file, Ct)).ShouldNotContain("demo-erp\"", Case.Sensitive);

        await page.GetByTestId("import").ClickAsync();
        var dialog = page.GetByTestId("import-dialog");
        await dialog.GetByTestId("import-file").SetInputFilesAsync(file);
        await Expect(dialog.GetByTestId("import-summary")).ToContainTextAsync("Demo ERP");
        await dialog.GetByTestId("import-name").FillAsync("Imported flow");
        await dialog.GetByTestId("import-ok").ClickAsync();
        await Expect(dialog.GetByTestId("error-banner")).ToContainTextAsync("Password");
        await dialog.GetByTestId("import-secret-Password").FillAsync("demo-erp");
        await dialog.GetByTestId("import-ok").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(tab.Row("Imported flow").GetByTestId("connection-active")).Not.ToBeCheckedAsync();

        var connections = await app.Services.GetRequiredService<ConnectionAdmin>().ListAsync(false, Ct);
        var copy = await mappings.GetAsync(connections.Single(c => c.Name == "Imported flow").Id, Ct);
        var nameField = copy.ActorTypes.Single(a => a.ActorType == ActorType.Customer).Fields.Single(f => f.FieldKey == "NAME");
        nameField.ShouldSatisfyAllConditions(f => f.Direction.ShouldBe(FieldDirection.Both), f => f.ConflictPolicy.ShouldBe(ConflictPolicy.CrmWins), f => f.ShowInSearch.ShouldBeTrue());
        copy.ActorTypes.Single(a => a.ActorType == ActorType.Customer).IsActive.ShouldBeTrue();
    }

    private async Task<(IPage Page, SynchronizeTab Tab, MappingDialogs Dialogs)> OpenAsync(string locale, string connectionName)
    {
        var page = await app.NewPageAsync(locale);
        await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
        var tab = new SynchronizeTab(page);
        await tab.OpenFromSettingsAsync();
        await tab.Row(connectionName).ClickAsync();
        await Expect(page.GetByTestId("connection-summary")).ToContainTextAsync(connectionName);
        return (page, tab, new MappingDialogs(page));
    }

    private async Task<int> CreateConnectionAsync(string name)
    {
        var connectors = await app.Services.GetRequiredService<ConnectorAdmin>().ListAsync(Ct);
        var demo = connectors.Single(c => c.BuiltInName == "ErpSync.DemoErp");
        var created = await app.Services.GetRequiredService<ConnectionAdmin>().CreateAsync(new ConnectionInput(name, demo.Id, null, true, [], new Dictionary<string, string?>
        {
            ["DatabaseFile"] = Path.Combine(app.DataDirectory, "mapping.db"),
            ["Administration"] = "NL01",
            ["UserName"] = "demo",
            ["Password"] = "demo-erp",
        }), Ct);
        _created.Add(created.Id);
        return created.Id;
    }

    /// <summary>Connections activated here are for everyone: switched off again so other tests on the shared server see no ERP tab.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var id in _created)
        {
            await app.Services.GetRequiredService<ConnectionAdmin>().SetActiveAsync(id, false, CancellationToken.None);
        }
    }
}
