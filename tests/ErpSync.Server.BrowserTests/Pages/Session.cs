using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests.Pages;

/// <summary>Signing in and waiting for the interactive circuit, shared by all page objects.</summary>
public static class Session
{
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("account/login");
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
        await Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
    }

    /// <summary>Opens a page and waits until Blazor's circuit is up: clicks made before that are lost.</summary>
    public static async Task GotoInteractiveAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitInteractiveAsync(page);
    }

    public static Task WaitInteractiveAsync(IPage page) =>
        page.GetByTestId("interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
}
