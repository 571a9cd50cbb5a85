using ErpSync.Engine.Accounts;
using ErpSync.Engine.Crm;
using ErpSync.Engine.Data;
using ErpSync.Server.BrowserTests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests;

/// <summary>
/// The first complete flow (issue 2, functional-spec §3.3–§3.4) in a real browser, in English and Dutch:
/// an administrator adds an ERP connection, the test fails and then passes, OK saves it inactive,
/// activation shows the ERP tab to users in scope only, and the password never reaches the browser.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class ConnectionFlowTests(BrowserApp app)
{
    private const string ErpPassword = "demo-erp";
    private const string WrongPassword = "not-the-password-42";

    [Theory]
    [InlineData("en-US", "Synchronize", "ERP connections", "Define a new ERP connection", "The demo ERP refused")]
    [InlineData("nl-NL", "Synchroniseren", "ERP-verbindingen", "Een nieuwe ERP-verbinding definiëren", "Het demo-ERP weigert")]
    public async Task AdminAddsConnection_TestGatesOk_ActivationShowsErpTabToUsersInScope(
        string locale, string tabText, string listHeading, string dialogTitle, string refusedText)
    {
        var suffix = locale[..2];
        await DeactivateOtherConnectionsAsync();
        var (inScope, outOfScope, group) = await CreateUsersAsync(suffix);
        var connectionName = $"Demo ERP {suffix.ToUpperInvariant()}";
        var page = await app.NewPageAsync(locale);
        await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);

        var tab = new SynchronizeTab(page);
        await tab.OpenFromSettingsAsync();
        await Expect(page.GetByTestId("tab-synchronize")).ToHaveTextAsync(tabText);
        await Expect(page.GetByTestId("connections")).ToContainTextAsync(listHeading);

        await tab.StartNewConnectionAsync();
        await Expect(tab.Dialog).ToContainTextAsync(dialogTitle);
        await tab.SetNameAsync(connectionName);
        await tab.ChooseConnectorAsync("Demo ERP");
        await tab.ChooseScopeGroupAsync(group);
        await tab.FillConfigAsync("DatabaseFile", Path.Combine(app.DataDirectory, $"erp-{suffix}.db"));
        await tab.SelectConfigAsync("Administration", "NL01");
        await tab.FillConfigAsync("UserName", "demo");
        await tab.FillConfigAsync("Password", WrongPassword);
        await Expect(tab.OkButton).ToBeDisabledAsync();

        await tab.TestConnectionAsync();
        await Expect(tab.TestResult).ToContainTextAsync(refusedText);
        await Expect(tab.OkButton).ToBeDisabledAsync();
        await Screenshots.TakeAsync(page, $"{suffix}-1-test-failed");

        await tab.FillConfigAsync("Password", ErpPassword);
        await Expect(tab.OkButton).ToBeDisabledAsync();
        await tab.TestConnectionAsync();
        await Expect(tab.TestResult).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("alert-success"));
        await Expect(tab.OkButton).ToBeEnabledAsync();
        await Screenshots.TakeAsync(page, $"{suffix}-2-test-passed");

        // Changing any configuration field after a good test disables OK again.
        await tab.FillConfigAsync("UserName", "demo2");
        await Expect(tab.OkButton).ToBeDisabledAsync();
        await Expect(tab.Dialog.GetByTestId("test-stale")).ToBeVisibleAsync();
        await tab.FillConfigAsync("UserName", "demo");
        await Expect(tab.OkButton).ToBeEnabledAsync();

        await tab.OkButton.ClickAsync();
        await Expect(tab.Dialog).ToBeHiddenAsync();
        var row = tab.Row(connectionName);
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("connection-active")).Not.ToBeCheckedAsync();
        (await page.ContentAsync()).ShouldNotContain(ErpPassword, Case.Sensitive);

        // Before activation nobody sees the ERP tab.
        var companyId = await FirstCompanyIdAsync();
        await AssertErpTabAsync(locale, inScope, companyId, visible: false);

        await row.GetByTestId("connection-active").CheckAsync();
        await Expect(row.GetByTestId("connection-active")).ToBeCheckedAsync();
        await Expect(page.GetByTestId("notice")).ToBeVisibleAsync();
        await row.ClickAsync();
        await Screenshots.TakeAsync(page, $"{suffix}-3-active");

        // The edit dialog shows that a password is set but never its value.
        await row.ClickAsync();
        await page.GetByTestId("connection-configure").ClickAsync();
        await Expect(tab.Dialog.GetByTestId("config-locked")).ToBeVisibleAsync();
        await Expect(tab.Dialog.Locator("#cfg-Password")).ToHaveValueAsync("");
        (await page.ContentAsync()).ShouldNotContain(ErpPassword, Case.Sensitive);
        await tab.Dialog.GetByTestId("cancel").ClickAsync();

        await AssertErpTabAsync(locale, inScope, companyId, visible: true);
        await AssertErpTabAsync(locale, outOfScope, companyId, visible: false);
    }

    private async Task AssertErpTabAsync(string locale, string userName, int companyId, bool visible)
    {
        var page = await app.NewPageAsync(locale);
        await Session.SignInAsync(page, userName, UserPassword);
        await Session.GotoInteractiveAsync(page, $"companies/{companyId}");
        await Expect(page.GetByTestId("record-title")).ToBeVisibleAsync();
        if (visible)
        {
            await page.GetByTestId("tab-erp").ClickAsync();
            await Expect(page.GetByTestId("erp-section")).ToHaveCountAsync(1);
        }
        else
        {
            await Expect(page.GetByTestId("tab-erp")).ToHaveCountAsync(0);
        }

        await page.Context.CloseAsync();
    }

    private const string UserPassword = "User-Pass-2026";

    // Tests of this collection share one server: an active "Everyone" connection left by another test would show the
    // ERP tab to the out-of-scope user, so this flow starts from a server where nothing else is active.
    private async Task DeactivateOtherConnectionsAsync()
    {
        var connections = app.Services.GetRequiredService<ErpSync.Engine.Connections.ConnectionAdmin>();
        foreach (var active in (await connections.ListAsync(false, default)).Where(c => c.IsActive))
        {
            await connections.SetActiveAsync(active.Id, false, default);
        }
    }

    private async Task<(string InScope, string OutOfScope, string Group)> CreateUsersAsync(string suffix)
    {
        var accounts = app.Services.GetRequiredService<AccountAdmin>();
        var group = await accounts.SaveGroupAsync(null, new GroupInput($"Sales {suffix}", null), default);
        await accounts.SaveUserAsync(null, new UserInput($"anna-{suffix}", $"Anna {suffix}", null, UserRole.User, true, null, [group.Id], UserPassword), default);
        await accounts.SaveUserAsync(null, new UserInput($"pieter-{suffix}", $"Pieter {suffix}", null, UserRole.User, true, null, [], UserPassword), default);
        return ($"anna-{suffix}", $"pieter-{suffix}", group.Name);
    }

    private async Task<int> FirstCompanyIdAsync()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<ErpSyncDb>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.Companies.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
    }
}
