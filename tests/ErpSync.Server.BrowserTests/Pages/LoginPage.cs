using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests.Pages;

/// <summary>The static sign-in page and the sign-out button of the navigation bar.</summary>
public sealed class LoginPage(IPage page)
{
    public ILocator Error => page.GetByTestId("login-error");
    public ILocator SignInButton => page.GetByTestId("sign-in");
    public ILocator SignOutButton => page.GetByTestId("sign-out");

    public Task OpenAsync() => page.GotoAsync("account/login");

    /// <summary>Fills in the form on the sign-in page that is already shown and submits it.</summary>
    public async Task SubmitAsync(string userName, string password)
    {
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await SignInButton.ClickAsync();
    }

    public async Task SignOutAsync()
    {
        await SignOutButton.ClickAsync();
        await Expect(SignInButton).ToBeVisibleAsync();
    }
}
