using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace ErpSync.Cli;

/// <summary>The <c>erpsync</c> command line; see the README section "Command line" for commands and exit codes.</summary>
internal static class Program
{
    private static readonly Option<string?> Server = new("--server", "-s")
    {
        Description = "The server's base URL (default: ERPSYNC_SERVER)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ERPSYNC_SERVER"),
    };

    private static readonly Option<string?> Token = new("--token", "-t")
    {
        Description = "A personal API token of an administrator (default: ERPSYNC_TOKEN)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ERPSYNC_TOKEN"),
    };

    private static readonly Option<string> Format = CreateFormat();

    public static async Task<int> Main(string[] args)
    {
        var root = BuildRoot();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Output.Error(error.Message);
            }

            Output.Error("Run 'erpsync --help' for usage.");
            return ExitCodes.Usage;
        }

        return await parsed.InvokeAsync();
    }

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("erpsync: operate an ErpSync server from the command line (exit codes: 0 ok, 1 operation failed, 2 usage error, 3 authentication or connection problem)");
        root.Options.Add(Server);
        root.Options.Add(Token);
        root.Options.Add(Format);
        root.Subcommands.Add(ConnectionsCommand());
        root.Subcommands.Add(SyncCommand());
        root.Subcommands.Add(ResyncCommand());
        root.Subcommands.Add(ConfigCommand());
        root.Subcommands.Add(LogCommand());
        return root;
    }

    private static Option<string> CreateFormat()
    {
        var option = new Option<string>("--output")
        {
            Description = "Output format: table (plain tab-separated lines when redirected) or json",
            Recursive = true,
            DefaultValueFactory = _ => "table",
        };
        option.AcceptOnlyFromAmong("table", "json");
        return option;
    }

    private static Command ConnectionsCommand()
    {
        var list = new Command("list", "List the ERP connections with their sync status");
        list.SetAction((pr, ct) => Run(pr, async (api, output) =>
        {
            var connections = await api.GetAsync<List<ConnectionRow>>("api/connections", ct);
            var statuses = (await api.GetAsync<List<ConnectionStatusDto>>("api/sync/status", ct)).ToDictionary(s => s.ConnectionId);
            var rows = connections.Select(c => new
            {
                c.Id, c.Name, Connector = c.ConnectorName, Active = c.IsActive,
                State = statuses.TryGetValue(c.Id, out var s) ? s.State : "Inactive",
                LastRunAt = s?.LastRunAt, LastStatus = s?.LastRun?.Status, OpenIssues = s?.OpenIssues ?? 0, s?.PausedReason,
            }).ToList();
            output.Table(["Id", "Name", "Connector", "Active", "State", "Last run", "Last status", "Open issues"],
                rows.Select(r => new[] { Text(r.Id), r.Name, r.Connector, r.Active ? "yes" : "no", r.PausedReason is null ? r.State : $"{r.State}: {r.PausedReason}", Text(r.LastRunAt), r.LastStatus, Text(r.OpenIssues) }),
                rows);
            return ExitCodes.Ok;
        }));

        var id = new Argument<int>("id") { Description = "The connection id (see 'connections list')" };
        var test = new Command("test", "Test a connection's stored configuration against its ERP") { id };
        test.SetAction((pr, ct) => Run(pr, async (api, output) =>
        {
            var connectionId = pr.GetValue(id);
            var details = await api.GetAsync<ConnectionDetailsDto>($"api/connections/{connectionId}", ct);
            var result = await api.PostAsync<TestResultDto>("api/connections/test", new { connectorId = details.ConnectorId, connectionId, values = details.Values }, ct);
            if (output.Json)
            {
                output.Value(result);
            }
            else
            {
                output.Line($"{(result.IsOk ? "OK" : "FAILED")}: {result.Message}");
                foreach (var check in result.Checks ?? [])
                {
                    output.Line($"  {(check.IsOk ? "ok  " : "fail")} {check.Name}{(check.Message is null ? "" : ": " + check.Message)}");
                }
            }

            return result.IsOk ? ExitCodes.Ok : ExitCodes.Failed;
        }));

        return new Command("connections", "ERP connections: list, test") { list, test };
    }

    private static Command SyncCommand()
    {
        var id = new Argument<int>("id") { Description = "The connection id" };
        var wait = new Option<bool>("--wait", "-w") { Description = "Wait until the run finishes and print its counts (exit 1 if it failed)" };
        var timeout = TimeoutOption();
        var command = new Command("sync", "Queue a sync of one connection now") { id, wait, timeout };
        command.SetAction((pr, ct) => Run(pr, async (api, output) =>
        {
            var connectionId = pr.GetValue(id);
            var before = await LatestRunIdAsync(api, connectionId, ct);
            await api.PostAsync($"api/connections/{connectionId}/sync", null, ct);
            return await QueuedAsync(api, output, connectionId, before, "Manual", pr.GetValue(wait), pr.GetValue(timeout), ct);
        }));
        return command;
    }

    private static Command ResyncCommand()
    {
        var id = new Argument<int>("id") { Description = "The connection id" };
        var from = new Option<string>("--from", "-f") { Description = "crm: write CRM values to the ERP; erp: write ERP values to the CRM", Required = true };
        from.AcceptOnlyFromAmong("crm", "erp");
        var noBlank = new Option<bool>("--no-blank-overwrite") { Description = "Never overwrite a non-blank value with a blank one" };
        var wait = new Option<bool>("--wait", "-w") { Description = "Wait until the resync finishes and print its counts (exit 1 if it failed)" };
        var entity = new Option<string?>("--entity") { Description = "With --record: the kind of CRM record (company, person, project)" };
        entity.AcceptOnlyFromAmong("company", "person", "project");
        var records = new Option<int[]>("--record") { Description = "Only this CRM record id (repeatable; needs --entity)" };
        var timeout = TimeoutOption();
        var command = new Command("resync", "Queue a forced one-way resync of one connection (versions ignored; take a backup first)") { id, from, noBlank, entity, records, wait, timeout };
        command.Validators.Add(result =>
        {
            if (result.GetValue(records) is { Length: > 0 } && result.GetValue(entity) is null)
            {
                result.AddError("--record needs --entity.");
            }
        });
        command.SetAction((pr, ct) => Run(pr, async (api, output) =>
        {
            var connectionId = pr.GetValue(id);
            var before = await LatestRunIdAsync(api, connectionId, ct);
            await api.PostAsync($"api/connections/{connectionId}/resync",
                new
                {
                    from = pr.GetValue(from) == "crm" ? "Crm" : "Erp",
                    noBlankOverwrite = pr.GetValue(noBlank),
                    entity = pr.GetValue(entity) is { } kind ? char.ToUpperInvariant(kind[0]) + kind[1..] : null,
                    recordIds = pr.GetValue(records) is { Length: > 0 } ids ? ids : null,
                }, ct);
            return await QueuedAsync(api, output, connectionId, before, "Resync", pr.GetValue(wait), pr.GetValue(timeout), ct);
        }));
        return command;
    }

    private static Command ConfigCommand()
    {
        var id = new Argument<int>("id") { Description = "The connection id" };
        var file = new Option<FileInfo?>("-o", "--file") { Description = "Write to this file instead of standard output" };
        var export = new Command("export", "Export a connection's configuration (without secrets) as JSON") { id, file };
        export.SetAction((pr, ct) => Run(pr, async (api, output) =>
        {
            var bytes = await api.GetBytesAsync($"api/connections/{pr.GetValue(id)}/export", ct);
            if (pr.GetValue(file) is { } target)
            {
                await File.WriteAllBytesAsync(target.FullName, bytes, ct);
                Output.Error($"Wrote {target.FullName}");
            }
            else
            {
                await using var stdout = Console.OpenStandardOutput();
                await stdout.WriteAsync(bytes, ct);
                await stdout.FlushAsync(ct);
                Console.Out.WriteLine();
            }

            return ExitCodes.Ok;
        }));

        var input = new Argument<FileInfo>("file") { Description = "A file written by 'config export'" };
        var name = new Option<string?>("--name") { Description = "Name of the new connection (default: the exported name)" };
        var secrets = new Option<string[]>("--secret") { Description = "A secret the export left out, as KEY=VALUE (repeatable), e.g. --secret Password=...", AllowMultipleArgumentsPerToken = false };
        var import = new Command("import", "Create an inactive connection from an exported configuration") { input, name, secrets };
        import.SetAction((pr, ct) => Run(pr, async (api, output) =>
        {
            var source = pr.GetValue(input)!;
            if (!source.Exists)
            {
                throw new CliException(ExitCodes.Usage, $"File not found: {source.FullName}");
            }

            JsonElement document;
            try
            {
                document = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(source.FullName, ct));
            }
            catch (JsonException ex)
            {
                throw new CliException(ExitCodes.Failed, $"{source.Name} is not JSON: {ex.Message}");
            }

            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var pair in pr.GetValue(secrets) ?? [])
            {
                var at = pair.IndexOf('=', StringComparison.Ordinal);
                if (at <= 0)
                {
                    throw new CliException(ExitCodes.Usage, $"--secret takes KEY=VALUE, not '{pair}'.");
                }

                values[pair[..at]] = pair[(at + 1)..];
            }

            var created = await api.PostAsync<CreatedConnectionDto>("api/connections/import", new { document, name = pr.GetValue(name), secrets = values }, ct);
            if (output.Json)
            {
                output.Value(created);
            }
            else
            {
                output.Line($"Created connection {created.Id} \"{created.Name}\" (inactive: check its mappings, then activate it).");
            }

            return ExitCodes.Ok;
        }));

        return new Command("config", "Export and import a connection's configuration") { export, import };
    }

    private static Command LogCommand()
    {
        var connection = new Option<int?>("--connection", "-c") { Description = "Only this connection's changes" };
        var lines = new Option<int>("--lines", "-n") { Description = "How many recent entries to show first", DefaultValueFactory = _ => 20 };
        var follow = new Option<bool>("--follow", "-F") { Description = "Keep printing new entries until interrupted (Ctrl+C)" };
        var tail = new Command("tail", "Show the latest field changes of the sync log") { connection, lines, follow };
        tail.SetAction((pr, ct) => Run(pr, async (api, output) =>
        {
            var filter = pr.GetValue(connection) is { } c ? $"&connectionId={c}" : "";
            var take = Math.Clamp(pr.GetValue(lines), 1, 500);
            var page = await api.GetAsync<Page<LogRowDto>>($"api/sync/log?take={take}{filter}", ct);
            var entries = page.Items.OrderBy(e => e.Id).ToList();
            var last = entries.Count > 0 ? entries[^1].Id : 0;
            if (!pr.GetValue(follow) || !output.Json)
            {
                PrintLog(output, entries, header: true, asArray: !pr.GetValue(follow));
            }
            else
            {
                entries.ForEach(e => Console.Out.WriteLine(JsonSerializer.Serialize(e, CliJson.Compact)));
            }

            while (pr.GetValue(follow) && !ct.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), ct);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                var fresh = (await api.GetAsync<Page<LogRowDto>>($"api/sync/log?take=500{filter}", ct)).Items.Where(e => e.Id > last).OrderBy(e => e.Id).ToList();
                if (fresh.Count > 0)
                {
                    last = fresh[^1].Id;
                    if (output.Json)
                    {
                        fresh.ForEach(e => Console.Out.WriteLine(JsonSerializer.Serialize(e, CliJson.Compact)));
                    }
                    else
                    {
                        PrintLog(output, fresh, header: false, asArray: false);
                    }
                }
            }

            return ExitCodes.Ok;
        }));

        return new Command("log", "The sync log") { tail };
    }

    private static void PrintLog(Output output, List<LogRowDto> entries, bool header, bool asArray)
    {
        if (output.Json && asArray)
        {
            output.Value(entries);
            return;
        }

        if (!header || !Output.Interactive)
        {
            foreach (var e in entries)
            {
                Console.Out.WriteLine(string.Join('\t', Text(e.At), e.ConnectionName, e.Direction, $"{e.Entity} {e.RecordId} {e.RecordName}", e.ErpKey, e.FieldKey, e.OldValue ?? "", "->", e.NewValue ?? ""));
            }

            return;
        }

        output.Table(["At", "Connection", "Direction", "Record", "ERP key", "Field", "Old", "New"],
            entries.Select(e => new[] { Text(e.At), e.ConnectionName, e.Direction, $"{e.Entity} {e.RecordId} {e.RecordName}", e.ErpKey, e.FieldKey, e.OldValue, e.NewValue }), entries);
    }

    private static Option<int> TimeoutOption() => new("--timeout")
    {
        Description = "With --wait: give up after this many seconds (exit 1)",
        DefaultValueFactory = _ => 600,
    };

    private static async Task<int> LatestRunIdAsync(ApiClient api, int connectionId, CancellationToken ct) =>
        (await api.GetAsync<Page<RunDto>>($"api/sync/runs?connectionId={connectionId}&take=1", ct)).Items.FirstOrDefault()?.Id ?? 0;

    private static async Task<int> QueuedAsync(ApiClient api, Output output, int connectionId, int before, string kind, bool wait, int timeoutSeconds, CancellationToken ct)
    {
        if (!wait)
        {
            if (output.Json)
            {
                output.Value(new { connectionId, queued = true });
            }
            else
            {
                output.Line($"Queued {(kind == "Resync" ? "a resync" : "a sync")} of connection {connectionId}. Follow it with 'erpsync log tail --connection {connectionId}'.");
            }

            return ExitCodes.Ok;
        }

        var run = await WaitAsync(api, output, connectionId, before, kind, TimeSpan.FromSeconds(timeoutSeconds), ct);
        if (output.Json)
        {
            output.Value(run);
        }
        else
        {
            output.Line($"Run {run.Id} {run.Status} in {run.DurationSeconds?.ToString("0.0", CultureInfo.InvariantCulture) ?? "?"} s: " +
                $"ERP changes read {run.ErpChangesRead}, CRM changes read {run.CrmChangesRead}, CRM writes {run.CrmWrites}, ERP writes {run.ErpWrites}, issues {run.IssuesRaised}" +
                (run.Failed && run.Message is not null ? $". {run.Message}" : ""));
        }

        return run.Failed ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary>Polls the runs of the connection until the first run of <paramref name="kind"/> after <paramref name="before"/> has finished.</summary>
    private static async Task<RunDto> WaitAsync(ApiClient api, Output output, int connectionId, int before, string kind, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        async Task<RunDto?> PollAsync() =>
            (await api.GetAsync<Page<RunDto>>($"api/sync/runs?connectionId={connectionId}&take=50", ct)).Items.Where(r => r.Id > before && r.Kind == kind).MinBy(r => r.Id);

        string Describe(RunDto? run) => run is null
            ? "Queued, waiting for a worker…"
            : $"Run {run.Id} {run.Status}: CRM writes {run.CrmWrites}, ERP writes {run.ErpWrites}, issues {run.IssuesRaised}";

        RunDto? current = null;
        if (Output.Interactive && !output.Json)
        {
            await AnsiConsole.Status().StartAsync(Describe(null), async context =>
            {
                while ((current = await PollAsync()) is null or { IsRunning: true })
                {
                    context.Status(Markup.Escape(Describe(current)));
                    await DelayAsync();
                }
            });
            return current!;
        }

        string? said = null;
        while ((current = await PollAsync()) is null or { IsRunning: true })
        {
            var line = Describe(current);
            if (line != said && !output.Json)
            {
                // Plain progress lines on standard error when redirected, so standard output holds only the result.
                Output.Error(line);
                said = line;
            }

            await DelayAsync();
        }

        return current;

        async Task DelayAsync()
        {
            if (clock.Elapsed > timeout)
            {
                throw new CliException(ExitCodes.Failed, $"Gave up waiting after {timeout.TotalSeconds:0} s; the run goes on on the server.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
    }

    private static async Task<int> Run(ParseResult pr, Func<ApiClient, Output, Task<int>> body)
    {
        try
        {
            using var api = new ApiClient(pr.GetValue(Server), pr.GetValue(Token));
            return await body(api, new Output(pr.GetValue(Format) == "json"));
        }
        catch (CliException ex)
        {
            Output.Error(ex.Message);
            return ex.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Output.Error("Cancelled.");
            return ExitCodes.Failed;
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(DateTimeOffset? value) => value?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";
}
