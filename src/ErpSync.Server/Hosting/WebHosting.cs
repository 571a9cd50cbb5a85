using System.Globalization;
using ErpSync.Server.Components;
using ErpSync.Server.Security;
using Microsoft.AspNetCore.Localization;
using Scalar.AspNetCore;

namespace ErpSync.Server.Hosting;

internal static class WebHosting
{
    private static readonly CultureInfo[] Cultures = [new("en"), new("nl")];

    public static WebApplicationBuilder AddErpSyncWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<UserErrorExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<Features.ErpTab.ErpTabAccess>();
        return builder;
    }

    public static WebApplication UseErpSyncWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseAuthentication();
        app.Use(RefuseCrossSiteApiWrites);
        app.UseRequestLocalization(LocalizationOptions());
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("ErpSync API"));
        return app;
    }

    public static WebApplication MapErpSyncPages(this WebApplication app)
    {
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    // With cookie sign-in, a form or a bodiless POST from another site would carry the cookie. Browsers cannot send JSON
    // across sites without a CORS preflight, so cookie-authenticated API writes must be JSON; scripts use API tokens.
    private static async Task RefuseCrossSiteApiWrites(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api")
            && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && context.User.Identity?.AuthenticationType == Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme
            && !request.HasJsonContentType())
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = ErpSync.Engine.Localization.Text.T("From a browser session the API only accepts JSON requests; scripts use an API token.",
                    "Vanuit een browsersessie accepteert de API alleen JSON-verzoeken; scripts gebruiken een API-token."),
            }, options: null, contentType: "application/problem+json");
            return;
        }

        await next(context);
    }

    // The user's profile language wins; otherwise the browser's; otherwise English.
    private static RequestLocalizationOptions LocalizationOptions()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
        };
        options.RequestCultureProviders.Insert(0, new CustomRequestCultureProvider(context =>
        {
            var culture = context.User.FindFirst(ErpSyncClaims.Culture)?.Value;
            return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture));
        }));
        return options;
    }
}
