using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests.Pages;

/// <summary>Settings → Lists: countries, currencies, categories and business types.</summary>
public sealed class ListsAdmin(IPage page)
{
    public ILocator Rows => page.GetByTestId("list-item-row");
    public ILocator Row(string name) => page.Locator($"[data-testid=list-item-row][data-name='{name}']");

    public async Task OpenFromSettingsAsync(string listKey)
    {
        await Session.GotoInteractiveAsync(page, "");
        await page.GetByTestId("nav-settings").ClickAsync();
        await page.GetByTestId("settings-lists").ClickAsync();
        await Expect(page.GetByTestId("list-" + listKey)).ToBeVisibleAsync();
        await Session.WaitInteractiveAsync(page);
        await page.GetByTestId("list-" + listKey).ClickAsync();
        await Expect(page.GetByTestId("list-" + listKey)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("active"));
    }

    public async Task AddAsync(string name, string code)
    {
        await page.GetByTestId("new-item-name").FillAsync(name);
        await page.GetByTestId("new-item-code").FillAsync(code);
        await page.GetByTestId("new-item").ClickAsync();
        await Expect(Row(name)).ToBeVisibleAsync();
    }

    public async Task RenameAsync(string name, string newName)
    {
        await Row(name).GetByTestId("rename-item").ClickAsync();
        await page.GetByTestId("edit-item-name").FillAsync(newName);
        await page.GetByTestId("edit-item-save").ClickAsync();
        await Expect(Row(newName)).ToBeVisibleAsync();
    }
}
