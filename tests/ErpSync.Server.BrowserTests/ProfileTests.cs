using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ErpSync.Engine.Accounts;
using ErpSync.Server.BrowserTests.Pages;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests;

/// <summary>The profile page: language, personal API tokens and changing the password.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class ProfileTests(BrowserApp app)
{
    private const string Password = "Profile-Pass-2026";

    [Fact]
    public async Task SwitchToDutch_UiTurnsDutch_AndStaysDutchOnNextSignInWithEnglishBrowser()
    {
        var userName = await CreateUserAsync();
        var page = await app.NewPageAsync("en-US");
        await Session.SignInAsync(page, userName, Password);
        var profile = new ProfilePage(page);
        await profile.OpenFromNavAsync();
        await Expect(profile.Heading).ToHaveTextAsync("Profile");

        await profile.SaveLanguageAsync("nl");
        await Expect(profile.Heading).ToHaveTextAsync("Profiel");
        await Expect(page.GetByTestId("sign-out")).ToHaveTextAsync("Afmelden");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await Session.WaitInteractiveAsync(page);
        await Expect(page.GetByTestId("culture")).ToHaveValueAsync("nl");
        await Screenshots.TakeAsync(page, "nl-profile");

        // The interactive parts speak Dutch too.
        await page.GetByTestId("change-password").ClickAsync();
        await Expect(profile.ErrorBanner).ToBeVisibleAsync();
        await Expect(page.GetByTestId("field-error-currentPassword")).ToHaveTextAsync(new Regex("wachtwoord|verplicht", RegexOptions.IgnoreCase));
        await page.Context.CloseAsync();

        // A new session with an English browser: Dutch as soon as the user is known.
        var next = await app.NewPageAsync("en-US");
        await Session.SignInAsync(next, userName, Password);
        await Expect(next.GetByTestId("sign-out")).ToHaveTextAsync("Afmelden");
        await Session.GotoInteractiveAsync(next, "companies");
        await Expect(next.Locator("h1")).ToHaveTextAsync("Bedrijven");

        // Back to the browser's language.
        var profile2 = new ProfilePage(next);
        await profile2.OpenFromNavAsync();
        await profile2.SaveLanguageAsync("");
        await Expect(profile2.Heading).ToHaveTextAsync("Profile");
        await next.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en-US", "Copy this token now")]
    [InlineData("nl-NL", "Kopieer dit token nu")]
    public async Task ApiToken_ShownOnce_WorksAgainstApi_RevokedGets401(string locale, string shownOnceText)
    {
        var userName = await CreateUserAsync();
        var page = await app.NewPageAsync(locale);
        await Session.SignInAsync(page, userName, Password);
        var profile = new ProfilePage(page);
        await profile.OpenFromNavAsync();

        var token = await profile.CreateTokenAsync("script");
        token.Length.ShouldBeGreaterThan(20);
        await Expect(profile.TokenCreated).ToContainTextAsync(shownOnceText);
        await Expect(profile.TokenRow("script")).ToContainTextAsync(token[..6]);
        await Screenshots.TakeAsync(page, $"{locale[..2]}-token-created");

        using var http = new HttpClient { BaseAddress = app.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await http.GetAsync(new Uri("api/me", UriKind.Relative), TestContext.Current.CancellationToken);
        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await me.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain(userName);

        // Shown once: after a reload only the prefix is left.
        await page.ReloadAsync();
        await Session.WaitInteractiveAsync(page);
        await Expect(profile.TokenRow("script")).ToBeVisibleAsync();
        await Expect(profile.TokenValue).ToHaveCountAsync(0);
        (await page.ContentAsync()).ShouldNotContain(token, Case.Sensitive);

        await profile.RevokeTokenAsync("script");
        (await http.GetAsync(new Uri("api/me", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en-US", "Your password", "The two new passwords differ.")]
    [InlineData("nl-NL", "Uw wachtwoord", "De twee nieuwe wachtwoorden verschillen.")]
    public async Task ChangePassword_OldPasswordNoLongerWorks(string locale, string _, string differText)
    {
        var userName = await CreateUserAsync();
        const string newPassword = "Changed-Pass-2027";
        var page = await app.NewPageAsync(locale);
        await Session.SignInAsync(page, userName, Password);
        var profile = new ProfilePage(page);
        await profile.OpenFromNavAsync();

        await profile.ChangePasswordAsync(Password, newPassword, newPassword + "x");
        await Expect(page.GetByTestId("field-error-repeatPassword")).ToHaveTextAsync(differText);

        await profile.ChangePasswordAsync("wrong-current-password", newPassword, newPassword);
        await Expect(page.GetByTestId("field-error-currentPassword")).ToBeVisibleAsync();

        await profile.ChangePasswordAsync(Password, newPassword, newPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        var login = new LoginPage(page);
        await login.SubmitAsync(userName, Password);
        await Expect(login.Error).ToBeVisibleAsync();
        await login.SubmitAsync(userName, newPassword);
        await Expect(page).ToHaveURLAsync(new Regex("/profile$"));
        await Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private async Task<string> CreateUserAsync()
    {
        var userName = "profile-" + Guid.NewGuid().ToString("N")[..8];
        var accounts = app.Services.GetRequiredService<AccountAdmin>();
        await accounts.SaveUserAsync(null, new UserInput(userName, $"Profiel {userName[^4..]}", null, UserRole.User, true, null, [], Password), default);
        return userName;
    }
}
