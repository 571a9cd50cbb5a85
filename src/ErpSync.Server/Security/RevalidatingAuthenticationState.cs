using System.Security.Claims;
using ErpSync.Engine.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace ErpSync.Server.Security;

/// <summary>
/// A Blazor circuit outlives the request that opened it, so the cookie check alone would let a demoted or deactivated
/// user keep an open admin page. Every circuit checks the user's security stamp on an interval (default 30 s,
/// <c>ErpSync:CircuitRevalidationSeconds</c>) and drops to signed-out when it changed; the pages then show their
/// "no access" state and the next navigation goes to the sign-in page.
/// </summary>
internal sealed class RevalidatingAuthenticationState(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IConfiguration configuration)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval { get; } =
        TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("ErpSync:CircuitRevalidationSeconds", 30), 1, 3600));

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var principal = authenticationState.User;
        if (principal.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
        var user = int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? await accounts.FindAsync(id, cancellationToken) : null;
        return user is not null && user.SecurityStamp == principal.FindFirstValue(ErpSyncClaims.SecurityStamp);
    }
}
