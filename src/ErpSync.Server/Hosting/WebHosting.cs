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
