using ErpSync.Engine;
using ErpSync.Engine.Data;

namespace ErpSync.Server.Hosting;

internal static class EngineHosting
{
    public static WebApplicationBuilder AddErpSyncEngine(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ErpSyncOptions.Section).Get<ErpSyncOptions>() ?? new ErpSyncOptions();
        builder.Services.AddErpSyncEngine(options);
        builder.Services.AddBuiltInConnectors();
        builder.Services.AddHostedService<Engine.Import.ImportWorker>();
        return builder;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(Console.Out, app.Lifetime.ApplicationStopping);
    }
}
