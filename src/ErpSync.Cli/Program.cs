using System.CommandLine;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

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

    private static readonly Option<string?> Database = new("--database")
    {
        Description = "Work on the server's database directly instead of its API (default: ERPSYNC_DATABASE), e.g. 'Data Source=data/erpsync.db' or 'Host=…;Database=erpsync;…'. "
            + "Syncs run here under the engine's per-connection lock, which on PostgreSQL also holds against a running server; "
            + "on SQLite use it only while the server is stopped",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ERPSYNC_DATABASE"),
    };

    private static readonly Option<string?> Provider = CreateProvider();

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

        // Ctrl+C cancels the command's token; give it time to cancel an import on the server before the process is ended.
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
    }

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("erpsync: operate an ErpSync server from the command line, through its API or (--database) on its database (exit codes: 0 ok, 1 operation failed, 2 usage error, 3 authentication or connection problem)");
        root.Options.Add(Server);
        root.Options.Add(Token);
        root.Options.Add(Database);
        root.Options.Add(Provider);
        root.Options.Add(Format);
        root.Subcommands.Add(ConnectionsCommand());
        root.Subcommands.Add(SyncCommand());
        root.Subcommands.Add(ResyncCommand());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ConfigCommand());
        root.Subcommands.Add(LogCommand());
        return root;
    }

    private static Option<string?> CreateProvider()
    {
        var option = new Option<string?>("--provider")
        {
            Description = "With --database: sqlite or postgres (default: from the connection string, 'Data Source=' is SQLite, 'Host=' is PostgreSQL)",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("sqlite", "postgres");
        return option;
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
        list.SetAction((pr, ct) => Run(pr, async (backend, output) =>
        {
            var connections = await backend.ConnectionsAsync(ct);
            var statuses = (await backend.StatusesAsync(ct)).ToDictionary(s => s.ConnectionId);
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

        var id = new Argument<string>(Connections.ArgumentName) { Description = Connections.Description };
        var test = new Command("test", "Test a connection's stored configuration against its ERP") { id };
        test.SetAction((pr, ct) => Run(pr, async (backend, output) =>
        {
            var result = await backend.TestAsync(await Connections.ResolveAsync(backend, pr.GetValue(id)!, ct), ct);
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
        var id = new Argument<string>(Connections.ArgumentName) { Description = Connections.Description };
        var wait = new Option<bool>("--wait", "-w") { Description = "Wait until the run finishes and print its counts (exit 1 if it failed); with --database it always waits" };
        var timeout = TimeoutOption();
        var command = new Command("sync", "Queue a sync of one connection now") { id, wait, timeout };
        command.SetAction((pr, ct) => Run(pr, async (backend, output) =>
        {
            var connectionId = await Connections.ResolveAsync(backend, pr.GetValue(id)!, ct);
            var run = await backend.SyncAsync(connectionId, new RunWait(pr.GetValue(wait), TimeSpan.FromSeconds(pr.GetValue(timeout))), output, ct);
            return Report(output, connectionId, "Manual", run);
        }));
        return command;
    }

    private static Command ResyncCommand()
    {
        var id = new Argument<string>(Connections.ArgumentName) { Description = Connections.Description };
        var from = new Option<string>("--from", "-f") { Description = "crm: write CRM values to the ERP; erp: write ERP values to the CRM", Required = true };
        from.AcceptOnlyFromAmong("crm", "erp");
        var noBlank = new Option<bool>("--no-blank-overwrite") { Description = "Never overwrite a non-blank value with a blank one" };
        var wait = new Option<bool>("--wait", "-w") { Description = "Wait until the resync finishes and print its counts (exit 1 if it failed); with --database it always waits" };
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
        command.SetAction((pr, ct) => Run(pr, async (backend, output) =>
        {
            var connectionId = await Connections.ResolveAsync(backend, pr.GetValue(id)!, ct);
            var body = new ResyncBody(pr.GetValue(from) == "crm" ? "Crm" : "Erp", pr.GetValue(noBlank),
                pr.GetValue(entity) is { } kind ? char.ToUpperInvariant(kind[0]) + kind[1..] : null, pr.GetValue(records) is { Length: > 0 } ids ? ids : null);
            var run = await backend.ResyncAsync(connectionId, body, new RunWait(pr.GetValue(wait), TimeSpan.FromSeconds(pr.GetValue(timeout))), output, ct);
            return Report(output, connectionId, "Resync", run);
        }));
        return command;
    }

    private static Command ConfigCommand()
    {
        var id = new Argument<string>(Connections.ArgumentName) { Description = Connections.Description };
        var file = new Option<FileInfo?>("-o", "--file") { Description = "Write to this file instead of standard output" };
        var export = new Command("export", "Export a connection's configuration (without secrets) as JSON") { id, file };
        export.SetAction((pr, ct) => Run(pr, async (backend, output) =>
        {
            var bytes = await backend.ExportConfigAsync(await Connections.ResolveAsync(backend, pr.GetValue(id)!, ct), ct);
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
        import.SetAction((pr, ct) => Run(pr, async (backend, output) =>
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

            var created = await backend.ImportConfigAsync(document, pr.GetValue(name), values, ct);
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
        var connection = new Option<string?>("--connection", "-c") { Description = "Only this connection's changes (by id or name)" };
        var lines = new Option<int>("--lines", "-n") { Description = "How many recent entries to show first", DefaultValueFactory = _ => 20 };
        var follow = new Option<bool>("--follow", "-F") { Description = "Keep printing new entries until interrupted (Ctrl+C)" };
        var tail = new Command("tail", "Show the latest field changes of the sync log") { connection, lines, follow };
        tail.SetAction((pr, ct) => Run(pr, async (backend, output) =>
        {
            var take = Math.Clamp(pr.GetValue(lines), 1, 500);
            int? connectionId = pr.GetValue(connection) is { } given ? await Connections.ResolveAsync(backend, given, ct) : null;
            var page = await backend.LogAsync(connectionId, take, ct);
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

                var fresh = (await backend.LogAsync(connectionId, 500, ct)).Items.Where(e => e.Id > last).OrderBy(e => e.Id).ToList();
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

    /// <summary>The finished run's counts (exit 1 if it failed), or that it was queued.</summary>
    private static int Report(Output output, int connectionId, string kind, RunDto? run)
    {
        if (run is null)
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

    /// <summary>Runs a command's body against the API, or against the database with --database, mapping failures onto the exit codes.</summary>
    internal static async Task<int> Run(ParseResult pr, Func<IErpSyncBackend, Output, Task<int>> body)
    {
        try
        {
            await using var backend = pr.GetValue(Database) is { Length: > 0 } database
                ? CreateDirect(DatabaseTarget.Parse(database, pr.GetValue(Provider)))
                : new ApiBackend(new ApiClient(pr.GetValue(Server), pr.GetValue(Token)));
            return await body(backend, new Output(pr.GetValue(Format) == "json"));
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

    // Kept out of Run so API mode never loads the engine's dependencies (EF Core, Npgsql, Data Protection).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IErpSyncBackend CreateDirect(DatabaseTarget target) => DirectBackend.Create(target);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(DateTimeOffset? value) => value?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";
}
