using ErpSync.Engine.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using System.Security.Claims;

namespace ErpSync.Server.Security;

internal static class SecurityHosting
{
    private const string SelectorScheme = "ErpSync";

    /// <summary>Cookie sign-in for the browser, personal API tokens for scripts; the Authorization header decides which.</summary>
    public static WebApplicationBuilder AddErpSyncSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, SelectorScheme, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "ErpSync.Auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = ValidateSecurityStampAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ErpSyncClaims.AdminPolicy, p => p.RequireRole(nameof(UserRole.Administrator)));
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    // An API call gets a status code, never an HTML login page.
    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    // A changed password, role or deactivation ends existing sessions.
    private static async Task ValidateSecurityStampAsync(CookieValidatePrincipalContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountAdmin>();
        var principal = context.Principal!;
        var user = int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? await accounts.FindAsync(id, context.HttpContext.RequestAborted) : null;
        if (user is null || user.SecurityStamp != principal.FindFirstValue(ErpSyncClaims.SecurityStamp))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
        else if (user.Culture != principal.FindFirstValue(ErpSyncClaims.Culture) || user.DisplayName != principal.FindFirstValue(ErpSyncClaims.DisplayName))
        {
            context.ReplacePrincipal(ErpSyncClaims.ToPrincipal(user, CookieAuthenticationDefaults.AuthenticationScheme));
            context.ShouldRenew = true;
        }
    }
}
