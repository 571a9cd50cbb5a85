using System.Text.RegularExpressions;
using ErpSync.Engine.Data;
using ErpSync.Server.BrowserTests.Pages;
using static Microsoft.Playwright.Assertions;

namespace ErpSync.Server.BrowserTests;

/// <summary>Settings → Users and groups: users with groups sign in, deactivated users do not, normal users see no settings.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class UsersAdminTests(BrowserApp app)
{
    private const string Password = "Browser-Pass-2026";

    [Theory]
    [InlineData("en-US", "Yes", "No", "You do not have access to this page.", "The user name or password is not correct.")]
    [InlineData("nl-NL", "Ja", "Nee", "U hebt geen toegang tot deze pagina.", "De gebruikersnaam of het wachtwoord is niet juist.")]
    public async Task CreateUserWithGroup_SignsIn_NoSettings_DeactivatedCannotSignIn(string locale, string yes, string no, string deniedText, string loginError)
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var userName = $"user-{unique}";
        var group = $"Binnendienst {unique}";
        var admin = await app.NewPageAsync(locale);
        await Session.SignInAsync(admin, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
        var users = new UsersAdmin(admin);
        await users.OpenFromSettingsAsync();
        await users.ShowGroupsAsync();
        await users.AddGroupAsync(group);
        await users.ShowUsersAsync();

        await users.CreateUserAsync(userName, $"Gebruiker {unique}", Password, group);
        await Expect(users.UserRow(userName)).ToContainTextAsync(group);
        await Expect(users.UserRow(userName).Locator("td").Nth(6)).ToHaveTextAsync(yes);
        await Screenshots.TakeAsync(admin, $"{locale[..2]}-users");

        // The new user signs in, sees no Settings link and is refused on the admin pages.
        var user = await app.NewPageAsync(locale);
        await Session.SignInAsync(user, userName, Password);
        await Session.GotoInteractiveAsync(user, "companies");
        await Expect(user.GetByTestId("nav-profile")).ToHaveTextAsync($"Gebruiker {unique}");
        await Expect(user.GetByTestId("nav-settings")).ToHaveCountAsync(0);
        await user.GotoAsync("settings/users");
        await Expect(user.GetByTestId("access-denied")).ToHaveTextAsync(deniedText);
        await Expect(user.GetByTestId("tab-users")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(user, $"{locale[..2]}-access-denied");

        // Deactivated: the running session ends and signing in fails.
        await users.EditUserAsync(userName);
        await users.ActiveBox.UncheckAsync();
        await users.SaveUserAsync();
        await Expect(users.UserRow(userName).Locator("td").Nth(6)).ToHaveTextAsync(no);

        await user.GotoAsync("companies");
        await Expect(user).ToHaveURLAsync(new Regex("/account/login"));
        var login = new LoginPage(user);
        await login.SubmitAsync(userName, Password);
        await Expect(login.Error).ToHaveTextAsync(loginError);
        await user.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task NewUserWithoutPassword_ShowsFieldMessage()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var admin = await app.NewPageAsync("en-US");
        await Session.SignInAsync(admin, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
        var users = new UsersAdmin(admin);
        await users.OpenFromSettingsAsync();
        await admin.GetByTestId("new-user").ClickAsync();
        await admin.GetByTestId("field-userName").FillAsync($"nopass-{unique}");
        await admin.GetByTestId("field-displayName").FillAsync("No Password");
        await users.SaveUserAsync();
        await Expect(admin.GetByTestId("field-error-password")).ToBeVisibleAsync();
        await admin.GetByTestId("cancel").ClickAsync();
        await Expect(users.UserRow($"nopass-{unique}")).ToHaveCountAsync(0);
        await admin.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en-US", "Delete this group?")]
    [InlineData("nl-NL", "Deze groep verwijderen?")]
    public async Task Groups_CreateRenameDelete(string locale, string question)
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var admin = await app.NewPageAsync(locale);
        await Session.SignInAsync(admin, DatabaseInitializer.AdminUserName, BrowserApp.AdminPassword);
        var users = new UsersAdmin(admin);
        await users.OpenFromSettingsAsync();
        await users.ShowGroupsAsync();

        await users.AddGroupAsync($"Team {unique}");
        await Expect(admin.GetByTestId("new-group-name")).ToHaveValueAsync("");
        await users.RenameGroupAsync($"Team {unique}", $"Team {unique} Zuid");
        await Expect(users.GroupRow($"Team {unique}")).ToHaveCountAsync(0);

        await users.GroupRow($"Team {unique} Zuid").GetByTestId("delete-group").ClickAsync();
        await Expect(users.GroupRow($"Team {unique} Zuid")).ToContainTextAsync(question);
        await users.GroupRow($"Team {unique} Zuid").GetByTestId("delete-group-confirm").ClickAsync();
        await Expect(users.GroupRow($"Team {unique} Zuid")).ToHaveCountAsync(0);

        // Still gone after a reload: it was deleted, not only hidden.
        await Session.GotoInteractiveAsync(admin, "settings/users");
        await users.ShowGroupsAsync();
        await Expect(users.GroupRow($"Team {unique} Zuid")).ToHaveCountAsync(0);

        // An empty name is refused.
        await admin.GetByTestId("new-group").ClickAsync();
        await Expect(users.ErrorBanner).ToBeVisibleAsync();
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task AnOpenAdminPage_IsClosed_WhenTheAdministratorIsDemoted()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var accounts = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Engine.Accounts.AccountAdmin>(app.Services);
        var ct = TestContext.Current.CancellationToken;
        var input = new Engine.Accounts.UserInput($"admin-{unique}", $"Beheerder {unique}", null, Engine.Accounts.UserRole.Administrator, true, "en", [], Password);
        var created = await accounts.SaveUserAsync(null, input, ct);
        var page = await app.NewPageAsync("en-US");
        await Session.SignInAsync(page, input.UserName, Password);
        await Session.GotoInteractiveAsync(page, "settings/users");
        await Expect(page.GetByTestId("tab-users")).ToBeVisibleAsync();

        // Demoted elsewhere (by another administrator): the open circuit signs out without any click on this page.
        await accounts.SaveUserAsync(created.Id, input with { Role = Engine.Accounts.UserRole.User, Password = null }, ct);

        await Expect(page).ToHaveURLAsync(new Regex("/account/login"), new() { Timeout = 15_000 });
        await page.Context.CloseAsync();
    }
}
