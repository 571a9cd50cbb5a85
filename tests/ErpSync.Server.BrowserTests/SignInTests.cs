using System.Text.RegularExpressions;
using ErpSync.Engine.Data;
using ErpSync.Server.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests;

/// <summary>Signing in and out, and the way back to the page that asked for it.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class SignInTests(BrowserApp app)
{
    [Theory]
    [InlineData("en-US", "The user name or password is not correct.", "Sign in")]
    [InlineData("nl-NL", "De gebruikersnaam of het wachtwoord is niet juist.", "Aanmelden")]
    public async Task WrongPassword_ShowsErrorInBrowserLanguage(string locale, string errorText, string buttonText)
    {
        var page = await app.NewPageAsync(locale);
        var login = new LoginPage(page);
        await login.OpenAsync();
        await Expect(login.SignInButton).ToHaveTextAsync(buttonText);

        await login.SubmitAsync(DatabaseInitializer.AdminUserName, "not-the-password");

        await Expect(login.Error).ToHaveTextAsync(errorText);
        await Expect(login.SignOutButton).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(page, $"{locale[..2]}-login-error");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en-US", "Sign out", "Companies")]
    [InlineData("nl-NL", "Afmelden", "Bedrijven")]
    public async Task SignInAndOut_SignOutEndsTheSession(string locale, string signOutText, string companiesHeading)
    {
        var page = await app.NewPageAsync(locale);
        var login = new LoginPage(page);
        await Session.SignInAsync(page, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
        await Expect(login.SignOutButton).ToHaveTextAsync(signOutText);

        await Session.GotoInteractiveAsync(page, "companies");
        await Expect(page.Locator("h1")).ToHaveTextAsync(companiesHeading);
        await login.SignOutAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));

        // The cookie is gone: a protected page asks to sign in again.
        await page.GotoAsync("companies");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await Expect(login.SignInButton).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnauthenticatedVisit_RedirectsToSignIn_AndBackAfterSigningIn()
    {
        var page = await app.NewPageAsync("en-US");
        var login = new LoginPage(page);

        await page.GotoAsync("companies?search=x");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?"));
        await login.SubmitAsync(DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);

        await Expect(page).ToHaveURLAsync(new Regex("/companies\\?search=x$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Companies");
        await Expect(login.SignOutButton).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ForeignReturnUrl_IsIgnored()
    {
        var page = await app.NewPageAsync("en-US");
        await page.GotoAsync("account/login?returnUrl=https%3A%2F%2Fexample.com%2F");
        await new LoginPage(page).SubmitAsync(DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);

        await Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
        new Uri(page.Url).Host.ShouldBe(app.BaseUrl.Host);
        await page.Context.CloseAsync();
    }
}
