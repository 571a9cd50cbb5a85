using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests.Pages;

/// <summary>The profile page: language, change password and personal API tokens.</summary>
public sealed class ProfilePage(IPage page)
{
    public ILocator Heading => page.Locator("h1");
    public ILocator TokenValue => page.GetByTestId("token-value");
    public ILocator TokenCreated => page.GetByTestId("token-created");
    public ILocator TokenRow(string name) => page.Locator($"[data-testid=token-row][data-name='{name}']");
    public ILocator ErrorBanner => page.GetByTestId("error-banner");

    public async Task OpenFromNavAsync()
    {
        await Session.GotoInteractiveAsync(page, "");
        await page.GetByTestId("nav-profile").ClickAsync();
        await Expect(page.GetByTestId("change-password")).ToBeVisibleAsync();
        await Session.WaitInteractiveAsync(page);
    }

    /// <summary>Chooses "en", "nl" or "" (browser default) and saves; the page reloads.</summary>
    public async Task SaveLanguageAsync(string culture)
    {
        await page.GetByTestId("culture").SelectOptionAsync(culture);
        await page.GetByTestId("save-culture").ClickAsync();
    }

    public async Task<string> CreateTokenAsync(string name)
    {
        await page.GetByTestId("token-name").FillAsync(name);
        await page.GetByTestId("create-token").ClickAsync();
        await Expect(TokenValue).ToBeVisibleAsync();
        await Expect(TokenRow(name)).ToBeVisibleAsync();
        return await TokenValue.InputValueAsync();
    }

    public async Task RevokeTokenAsync(string name)
    {
        await TokenRow(name).GetByTestId("revoke-token").ClickAsync();
        await TokenRow(name).GetByTestId("revoke-token-confirm").ClickAsync();
        await Expect(TokenRow(name).GetByTestId("token-revoked")).ToBeVisibleAsync();
        await Expect(TokenRow(name).GetByTestId("revoke-token")).ToHaveCountAsync(0);
    }

    public async Task ChangePasswordAsync(string current, string newPassword, string repeat)
    {
        await page.GetByTestId("field-currentPassword").FillAsync(current);
        await page.GetByTestId("field-newPassword").FillAsync(newPassword);
        await page.GetByTestId("field-repeatPassword").FillAsync(repeat);
        await page.GetByTestId("change-password").ClickAsync();
    }
}
