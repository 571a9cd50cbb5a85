using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests.Pages;

/// <summary>Settings → Users and groups: the users table, the user editor and the Groups tab.</summary>
public sealed class UsersAdmin(IPage page)
{
    public ILocator UserRow(string userName) => page.Locator($"[data-testid=user-row][data-name='{userName}']");
    public ILocator GroupRow(string name) => page.Locator($"[data-testid=group-row][data-name='{name}']");
    public ILocator ErrorBanner => page.GetByTestId("error-banner");

    public async Task OpenFromSettingsAsync()
    {
        await Session.GotoInteractiveAsync(page, "");
        await page.GetByTestId("nav-settings").ClickAsync();
        await page.GetByTestId("settings-users").ClickAsync();
        await Expect(page.GetByTestId("tab-users")).ToBeVisibleAsync();
        await Session.WaitInteractiveAsync(page);
    }

    public async Task ShowGroupsAsync()
    {
        await page.GetByTestId("tab-groups").ClickAsync();
        await Expect(page.GetByTestId("new-group")).ToBeVisibleAsync();
    }

    public async Task ShowUsersAsync()
    {
        await page.GetByTestId("tab-users").ClickAsync();
        await Expect(page.GetByTestId("new-user")).ToBeVisibleAsync();
    }

    public async Task AddGroupAsync(string name)
    {
        await page.GetByTestId("new-group-name").FillAsync(name);
        await page.GetByTestId("new-group").ClickAsync();
        await Expect(GroupRow(name)).ToBeVisibleAsync();
    }

    public async Task RenameGroupAsync(string name, string newName)
    {
        await GroupRow(name).GetByTestId("rename-group").ClickAsync();
        await page.GetByTestId("rename-group-name").FillAsync(newName);
        await page.GetByTestId("rename-group-save").ClickAsync();
        await Expect(GroupRow(newName)).ToBeVisibleAsync();
    }

    public async Task DeleteGroupAsync(string name)
    {
        await GroupRow(name).GetByTestId("delete-group").ClickAsync();
        await GroupRow(name).GetByTestId("delete-group-confirm").ClickAsync();
        await Expect(GroupRow(name)).ToHaveCountAsync(0);
    }

    public async Task CreateUserAsync(string userName, string displayName, string password, params string[] groups)
    {
        await page.GetByTestId("new-user").ClickAsync();
        await page.GetByTestId("field-userName").FillAsync(userName);
        await page.GetByTestId("field-displayName").FillAsync(displayName);
        await page.GetByTestId("field-password").FillAsync(password);
        foreach (var group in groups)
        {
            await page.GetByLabel(group, new PageGetByLabelOptions { Exact = true }).CheckAsync();
        }

        await page.GetByTestId("save").ClickAsync();
        await Expect(UserRow(userName)).ToBeVisibleAsync();
    }

    public async Task EditUserAsync(string userName)
    {
        await UserRow(userName).GetByTestId("edit-user").ClickAsync();
        await Expect(page.GetByTestId("field-userName")).ToHaveValueAsync(userName);
    }

    public Task SaveUserAsync() => page.GetByTestId("save").ClickAsync();

    public ILocator ActiveBox => page.GetByTestId("field-active");
}
