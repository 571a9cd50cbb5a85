using ErpSync.Engine.Accounts;
using ErpSync.Server.Security;

namespace ErpSync.Server.Hosting;

internal static class UsersApi
{
    public static WebApplication MapUsersApi(this WebApplication app)
    {
        var users = app.MapGroup("/api/users").RequireAuthorization(ErpSyncClaims.AdminPolicy).WithTags("Users and groups");
        users.MapGet("/", (AccountAdmin accounts, CancellationToken ct) => accounts.ListUsersAsync(ct))
            .WithSummary("All users with their group ids (administrators)");
        users.MapPost("/", async (UserInput input, AccountAdmin accounts, CancellationToken ct) =>
            {
                var created = await accounts.SaveUserAsync(null, input, ct);
                return TypedResults.Created($"/api/users/{created.Id}", created);
            })
            .WithSummary("Creates a user; a password of at least 8 characters is required (administrators)");
        users.MapPut("/{id:int}", (int id, UserInput input, AccountAdmin accounts, CancellationToken ct) => accounts.SaveUserAsync(id, input, ct))
            .WithSummary("Edits a user; a null password keeps the current one (administrators)");

        var groups = app.MapGroup("/api/groups").RequireAuthorization(ErpSyncClaims.AdminPolicy).WithTags("Users and groups");
        groups.MapGet("/", (AccountAdmin accounts, CancellationToken ct) => accounts.ListGroupsAsync(ct))
            .WithSummary("All user groups with their member ids (administrators)");
        groups.MapPost("/", async (GroupInput input, AccountAdmin accounts, CancellationToken ct) =>
            {
                var created = await accounts.SaveGroupAsync(null, input, ct);
                return TypedResults.Created($"/api/groups/{created.Id}", created);
            })
            .WithSummary("Creates a user group (administrators)");
        groups.MapPut("/{id:int}", (int id, GroupInput input, AccountAdmin accounts, CancellationToken ct) => accounts.SaveGroupAsync(id, input, ct))
            .WithSummary("Renames a user group or changes its description (administrators)");
        groups.MapDelete("/{id:int}", async (int id, AccountAdmin accounts, CancellationToken ct) =>
            {
                await accounts.DeleteGroupAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Deletes a user group; refused (409) while an ERP connection's scope names it (administrators)");
        return app;
    }
}
