using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests.Pages;

/// <summary>Settings → Quote/Synchronize → Synchronize, and its "Define a new ERP connection" dialog.</summary>
public sealed class SynchronizeTab(IPage page)
{
    public ILocator Dialog => page.GetByTestId("connection-dialog");
    public ILocator TestResult => page.GetByTestId("test-result");
    public ILocator OkButton => Dialog.GetByTestId("ok");

    public async Task OpenFromSettingsAsync()
    {
        await Session.GotoInteractiveAsync(page, "");
        await page.GetByTestId("nav-settings").ClickAsync();
        await page.GetByTestId("settings-sync").ClickAsync();
        await Expect(page.GetByTestId("tab-synchronize")).ToBeVisibleAsync();
        await Session.WaitInteractiveAsync(page);
    }

    public async Task StartNewConnectionAsync()
    {
        await page.GetByTestId("connection-add").ClickAsync();
        await Expect(Dialog).ToBeVisibleAsync();
    }

    public async Task ChooseConnectorAsync(string name)
    {
        await Dialog.GetByTestId("conn-connector").SelectOptionAsync(new SelectOptionValue { Label = name });
        await Expect(Dialog.GetByTestId("cfg-field-Password")).ToBeVisibleAsync();
    }

    public Task SetNameAsync(string name) => Dialog.GetByTestId("conn-name").FillAsync(name);

    public async Task ChooseScopeGroupAsync(string groupName)
    {
        await Dialog.GetByTestId("scope-specific").CheckAsync();
        await Expect(Dialog.GetByTestId("scope-empty")).ToBeVisibleAsync();
        await Dialog.GetByTestId("scope-select").ClickAsync();
        var picker = page.GetByTestId("scope-picker");
        await picker.GetByLabel(groupName, new LocatorGetByLabelOptions { Exact = true }).CheckAsync();
        await picker.GetByTestId("scope-ok").ClickAsync();
        await Expect(Dialog.GetByTestId("scope-table")).ToContainTextAsync(groupName);
    }

    public Task FillConfigAsync(string key, string value) => Dialog.Locator($"#cfg-{key}").FillAsync(value);

    public Task SelectConfigAsync(string key, string value) => Dialog.Locator($"#cfg-{key}").SelectOptionAsync(value);

    public Task TestConnectionAsync() => Dialog.GetByTestId("test-connection").ClickAsync();

    public ILocator Row(string connectionName) => page.Locator($"[data-testid=connection-row][data-name='{connectionName}']");
}
