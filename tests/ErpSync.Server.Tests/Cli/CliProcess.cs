using System.Diagnostics;

namespace ErpSync.Server.Tests.Cli;

internal sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the built erpsync executable with output redirected, as a script would.</summary>
internal static class CliProcess
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Runs erpsync with the server and token in ERPSYNC_SERVER / ERPSYNC_TOKEN (the documented variables).</summary>
    public static Task<CliResult> RunAsync(KestrelErpSyncApp app, string[] args, string? server = null, string? token = null, TimeSpan? timeout = null) =>
        RunAsync(Start(args, server ?? app.Url.ToString(), token ?? app.Token), timeout);

    /// <summary>Starts erpsync without a server or token in the environment (direct-database mode).</summary>
    public static Process Start(string[] args, string? server = null, string? token = null)
    {
        var start = new ProcessStartInfo("dotnet", [CliDll(), .. args])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ERPSYNC_SERVER"] = server;
        start.Environment["ERPSYNC_TOKEN"] = token;
        start.Environment.Remove("ERPSYNC_DATABASE");
        return Process.Start(start) ?? throw new InvalidOperationException("erpsync did not start.");
    }

    /// <summary>Waits for a started erpsync and collects its output.</summary>
    public static async Task<CliResult> RunAsync(Process started, TimeSpan? timeout = null)
    {
        using var process = started;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(timeout ?? TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>The CLI as built next to this test project (artifacts/bin/ErpSync.Cli/&lt;configuration&gt;).</summary>
    private static string CliDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var dll = Path.Combine(testBin.Parent!.Parent!.FullName, "ErpSync.Cli", testBin.Name, "erpsync.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the CLI first (dotnet build ErpSync.slnx).", dll);
    }
}
