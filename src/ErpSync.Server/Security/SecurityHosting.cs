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
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingAuthenticationState>();
        return builder;
    }

    // An API call gets problem details, never an HTML login page.
    private static async Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = status,
                Title = status == StatusCodes.Status401Unauthorized
                    ? Engine.Localization.Text.T("Sign in or send a valid API token.", "Meld u aan of stuur een geldig API-token.")
                    : Engine.Localization.Text.T("You do not have access to this.", "U hebt hier geen toegang toe."),
            }, options: null, contentType: "application/problem+json");
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
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
