using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ErpSync.Connectors.Tryton.Tests;

/// <summary>
/// A trytond of its own on a fresh copy of the seeded template database, started with scripts/tryton/start.sh and
/// stopped by PID with stop.sh. Fails (does not skip) when Tryton is not installed: the suite promises live tests.
/// </summary>
internal sealed class TrytonServer : IAsyncDisposable
{
    private static readonly HttpClient Http = new();
    private string? _session;

    private TrytonServer(string workDir, Uri databaseUrl, string password, JsonElement seed)
    {
        WorkDir = workDir;
        DatabaseUrl = databaseUrl;
        Password = password;
        Seed = seed;
    }

    public string WorkDir { get; }

    public Uri DatabaseUrl { get; }

    public Uri RootUrl => new(DatabaseUrl, "../");

    public string Password { get; }

    /// <summary>The ids seed.py printed (company, categories, parties, …).</summary>
    public JsonElement Seed { get; }

    public long Company => Seed.GetProperty("company").GetInt64();

    public long SeedId(string group, string name) => Seed.GetProperty(group).GetProperty(name).GetInt64();

    public static async Task<TrytonServer> StartAsync()
    {
        if (!File.Exists("/usr/bin/trytond"))
        {
            throw new InvalidOperationException("Tryton is not installed: run scripts/tryton/prepare.sh (scripts/test.sh does) before the Tryton tests.");
        }

        var scripts = Path.Combine(RepositoryRoot(), "scripts", "tryton");
        var workDir = Path.Combine(Path.GetTempPath(), "erpsync-tryton-tests", Guid.NewGuid().ToString("N")[..12]);
        var (exit, output) = await RunAsync(Path.Combine(scripts, "start.sh"), workDir);
        if (exit != 0)
        {
            throw new InvalidOperationException($"scripts/tryton/start.sh failed ({exit}): {output}");
        }

        var url = (await File.ReadAllTextAsync(Path.Combine(workDir, "url"))).Trim();
        var password = (await File.ReadAllTextAsync(Path.Combine(workDir, "admin.pass"))).Trim();
        using var seed = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(workDir, "seed.json")));
        return new TrytonServer(workDir, new Uri(url), password, seed.RootElement.Clone());
    }

    /// <summary>Calls a model method as the admin user, the way a Tryton user changes data behind the connector's back.</summary>
    public async Task<JsonElement> CallAsync(string model, string method, JsonArray args, CancellationToken ct = default)
    {
        _session ??= await LoginAsync(ct);
        args.Add(new JsonObject { ["company"] = Company });
        using var request = new HttpRequestMessage(HttpMethod.Post, DatabaseUrl)
        {
            // A string body has a Content-Length; werkzeug's development server does not read chunked bodies.
            Content = new StringContent(new JsonObject { ["id"] = 1, ["method"] = $"model.{model}.{method}", ["params"] = args }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", _session);
        using var response = await Http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{model}.{method}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }

        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return answer.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null
            ? throw new InvalidOperationException($"{model}.{method}: {error}")
            : answer.GetProperty("result");
    }

    public async ValueTask DisposeAsync()
    {
        var scripts = Path.Combine(RepositoryRoot(), "scripts", "tryton");
        await RunAsync(Path.Combine(scripts, "stop.sh"), WorkDir, "--purge");
    }

    private async Task<string> LoginAsync(CancellationToken ct)
    {
        var body = new JsonObject { ["id"] = 1, ["method"] = "common.db.login", ["params"] = new JsonArray("admin", new JsonObject { ["password"] = Password }, "en") };
        using var response = await Http.PostAsync(DatabaseUrl, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), ct);
        var result = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("result");
        return "Session " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{result[0].GetInt64()}:{result[1].GetString()}"));
    }

    private static async Task<(int Exit, string Output)> RunAsync(string script, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ErpSync.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ErpSync.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
