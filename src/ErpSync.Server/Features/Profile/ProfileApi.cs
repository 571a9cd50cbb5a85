using ErpSync.Engine.Accounts;
using ErpSync.Server.Security;

namespace ErpSync.Server.Hosting;

internal static class ProfileApi
{
    public sealed record CreateTokenRequest(string Name, int? ValidDays);

    public sealed record CultureRequest(string? Culture);

    public sealed record PasswordRequest(string CurrentPassword, string NewPassword);

    public static WebApplication MapProfileApi(this WebApplication app)
    {
        var me = app.MapGroup("/api/me").RequireAuthorization().WithTags("Account");
        me.MapGet("/tokens", (HttpContext context, AccountAdmin accounts, CancellationToken ct) => accounts.ListTokensAsync(context.User.UserId(), ct))
            .WithSummary("The signed-in user's personal API tokens (never the tokens themselves)");
        me.MapPost("/tokens", async (CreateTokenRequest request, HttpContext context, AccountAdmin accounts, CancellationToken ct) =>
            {
                var created = await accounts.CreateTokenAsync(context.User.UserId(), request.Name, request.ValidDays, ct);
                return TypedResults.Created($"/api/me/tokens/{created.Summary.Id}", created);
            })
            .WithSummary("Creates a personal API token; the response holds the token, which is shown only this once");
        me.MapDelete("/tokens/{id:int}", async (int id, HttpContext context, AccountAdmin accounts, CancellationToken ct) =>
            {
                await accounts.RevokeTokenAsync(context.User.UserId(), id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Revokes one of the signed-in user's tokens");
        me.MapPut("/culture", async (CultureRequest request, HttpContext context, AccountAdmin accounts, CancellationToken ct) =>
            {
                await accounts.SetCultureAsync(context.User.UserId(), request.Culture, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Sets the signed-in user's language: en, nl, or null to follow the browser");
        me.MapPut("/password", async (PasswordRequest request, HttpContext context, AccountAdmin accounts, CancellationToken ct) =>
            {
                await accounts.ChangePasswordAsync(context.User.UserId(), request.CurrentPassword, request.NewPassword, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Changes the signed-in user's password; other sign-in sessions end");
        return app;
    }
}
