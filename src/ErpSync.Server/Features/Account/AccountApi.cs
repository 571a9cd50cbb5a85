using ErpSync.Engine.Accounts;
using ErpSync.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace ErpSync.Server.Hosting;

internal static class AccountApi
{
    public sealed record MeResponse(int Id, string UserName, string DisplayName, string Role, string? Culture);

    public static WebApplication MapAccountApi(this WebApplication app)
    {
        app.MapPost("/account/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/account/login");
        }).ExcludeFromDescription();

        app.MapGet("/api/me", async (HttpContext context, AccountAdmin accounts, CancellationToken ct) =>
        {
            var user = await accounts.FindAsync(context.User.UserId(), ct);
            return user is null ? Results.Unauthorized() : Results.Ok(new MeResponse(user.Id, user.UserName, user.DisplayName, user.Role.ToString(), user.Culture));
        }).RequireAuthorization().WithTags("Account").WithSummary("The signed-in user");
        return app;
    }
}
