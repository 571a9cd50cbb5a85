using System.Diagnostics;
using System.Globalization;
using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using ErpSync.Engine.Connectors;
using Microsoft.EntityFrameworkCore;

namespace ErpSync.Benchmarks;

internal static partial class Workspaces
{
    /// <summary>
    /// A copy of cached databases for the import figures: <paramref name="actors"/> demo ERP customers, the same active
    /// connection and mapping as the sync figures, and an empty CRM (no companies, no links).
    /// </summary>
    public static async Task<Workspace> ImportAsync(BenchOptions options, int actors, string copy)
    {
        var name = $"import-{actors}";
        var work = Path.Combine(options.Root, "artifacts", "bench", "work", $"{name}-{copy}");
        var cache = Path.Combine(options.Root, "artifacts", "bench", "cache", $"{name}-{CacheVersion}");
        var marker = Path.Combine(cache, "connection-id");
        var clock = Stopwatch.StartNew();
        if (options.Fresh || !File.Exists(marker))
        {
            Console.WriteLine($"  building {actors:N0} unlinked demo ERP customers in {cache} (cached for later runs) ...");
            var connectionId = await BuildAsync(cache, actors,
                async bench => (await bench.Get<ConnectorAdmin>().ListAsync(CancellationToken.None)).Single(c => c.Kind == ConnectorKind.BuiltIn).Id, link: false);
            await File.WriteAllTextAsync(marker, connectionId.ToString(CultureInfo.InvariantCulture));
        }

        Copy(cache, work);
        var id = int.Parse(await File.ReadAllTextAsync(marker), CultureInfo.InvariantCulture);
        return new Workspace(work, id, actors, clock.Elapsed, "copied from cache");
    }

    /// <summary>The connection's settings as the engine hands them to its connector (stored values, passwords decrypted).</summary>
    public static async Task<ConnectorContext> ContextAsync(BenchEngine bench, int connectionId)
    {
        await using var db = await bench.OpenAsync();
        var connection = await db.Connections.Include(c => c.ConfigValues).AsNoTracking().SingleAsync(c => c.Id == connectionId);
        return new ConnectorContext(connection.PublicId, bench.Get<ConnectionConfigStore>().Read(connection));
    }
}
