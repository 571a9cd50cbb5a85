using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ErpSync.Connectors;
using ErpSync.Engine.Import;

namespace ErpSync.Cli;

/// <summary><c>erpsync import</c>: import ERP actors into the CRM with the wizard's settings (functional spec §3.14), with a dry run first if wanted.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var connection = new Option<string>("--connection", "-c") { Description = Connections.Description };
        var actorType = new Option<string?>("--actor-type", "-a") { Description = "What to import (or actorType in --settings-file)" };
        actorType.AcceptOnlyFromAmong(ActorTypes());
        var keys = new Option<string[]>("--keys", "-k") { Description = "Only these ERP keys (repeatable, or comma-separated)", AllowMultipleArgumentsPerToken = true };
        var text = new Option<string?>("--text") { Description = "Only the actors a free-text search of the ERP finds" };
        var criteria = new Option<string[]>("--criteria") { Description = "Only actors matching FIELD:OPERATOR:VALUE (repeatable, all must hold; several values separated by |, e.g. BALANCE:Between:0|1000)" };
        var companyMatch = EnumOption<CompanyMatchKey>("--company-match", "Duplicate check for companies");
        var personMatch = EnumOption<PersonMatchKey>("--person-match", "Duplicate check for persons");
        var onMatch = EnumOption<DuplicateAction>("--on-match", "What to do with a duplicate: add a new record anyway, merge into empty fields, replace, or skip");
        var unmappedList = EnumOption<UnmappedListAction>("--unmapped-list", "An ERP list value without a CRM item: add the item, leave the field blank, or stop the row");
        var missingCompany = EnumOption<MissingCompanyAction>("--missing-company", "A person whose company is not in the CRM: import the company first, skip the person, or import it without company");
        var settingsFile = new Option<FileInfo?>("--settings-file", "-f")
        {
            Description = "JSON like the API's import request: {connectionId, actorType, selection: {keys, text, criteria}, settings: {...}, picks: {ERPKEY: CRMID}, excluded: [...]}; flags override it",
        };
        var picks = new Option<string[]>("--pick") { Description = "For an ambiguous row: use this CRM record, as ERPKEY=CRMID (repeatable)" };
        var exclude = new Option<string[]>("--exclude") { Description = "Leave out this ERP key (repeatable)" };
        var preview = new Option<bool>("--preview", "--dry-run") { Description = "Only show what would happen (counts and rows: new, changed with the fields, unchanged, skipped with reason, ambiguous with candidates); writes nothing" };
        var noWait = new Option<bool>("--no-wait") { Description = "Start the import and print its job id instead of waiting; the server runs it (with --database this process still runs it to the end before exiting)" };

        var command = new Command("import", "Import ERP actors into the CRM as linked companies or persons, with the import wizard's settings (exit 1 if the import or any row failed)")
        {
            connection, actorType, keys, text, criteria, companyMatch, personMatch, onMatch, unmappedList, missingCompany, settingsFile, picks, exclude, preview, noWait,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(preview) && result.GetValue(noWait))
            {
                result.AddError("--preview and --no-wait do not go together.");
            }
        });
        command.SetAction((pr, ct) => Program.Run(pr, async (backend, output) =>
        {
            var builder = ImportRequestBuilder.From(pr.GetValue(settingsFile));
            if (pr.GetValue(connection) is { } given)
            {
                builder.Connection(await Connections.ResolveAsync(backend, given, ct));
            }
            else if (builder.FileConnectionId is null)
            {
                throw new CliException(ExitCodes.Usage, "Say which connection: --connection ID|NAME (or connectionId in --settings-file).");
            }

            builder.ActorType(pr.GetValue(actorType));
            if (!builder.HasActorType)
            {
                throw new CliException(ExitCodes.Usage, "Say what to import: --actor-type (or actorType in --settings-file).");
            }

            builder.Selection(pr.GetValue(keys) ?? [], pr.GetValue(text), pr.GetValue(criteria) ?? []);
            builder.Setting("companyMatch", pr.GetValue(companyMatch));
            builder.Setting("personMatch", pr.GetValue(personMatch));
            builder.Setting("onMatch", pr.GetValue(onMatch));
            builder.Setting("unmappedList", pr.GetValue(unmappedList));
            builder.Setting("missingCompany", pr.GetValue(missingCompany));
            builder.Picks(pr.GetValue(picks) ?? []);
            builder.Excluded(pr.GetValue(exclude) ?? []);
            var request = builder.Build();
            if (pr.GetValue(preview))
            {
                return await PreviewAsync(backend, output, request, ct);
            }

            var job = await backend.StartImportAsync(request, ct);
            if (pr.GetValue(noWait))
            {
                if (output.Json)
                {
                    output.Value(job);
                }
                else
                {
                    output.Line($"Started import {job.Id}. Follow it with 'erpsync import status {job.Id}'.");
                }

                return ExitCodes.Ok;
            }

            return await ImportProgress.WaitAsync(backend, output, job, ct);
        }));

        command.Subcommands.Add(StatusCommand());
        command.Subcommands.Add(CancelCommand());
        return command;
    }

    private static Command StatusCommand()
    {
        var job = new Argument<int>("job") { Description = "The import job id (printed by 'import --no-wait')" };
        var command = new Command("status", "Show an import's state, progress and counts (exit 1 if it failed or any row failed)") { job };
        command.SetAction((pr, ct) => Program.Run(pr, async (backend, output) =>
        {
            var view = await backend.ImportJobAsync(pr.GetValue(job), ct);
            return await ImportProgress.ReportAsync(backend, output, view, ct);
        }));
        return command;
    }

    private static Command CancelCommand()
    {
        var job = new Argument<int>("job") { Description = "The import job id" };
        var command = new Command("cancel", "Stop an import after its current page; what was committed stays imported and linked") { job };
        command.SetAction((pr, ct) => Program.Run(pr, async (backend, output) =>
        {
            var view = await backend.CancelImportAsync(pr.GetValue(job), ct);
            if (output.Json)
            {
                output.Value(view);
            }
            else
            {
                output.Line($"Import {view.Id}: {view.State}{(view.CancelRequested && view.IsRunning ? " (stops after the current page)" : "")}.");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<int> PreviewAsync(IErpSyncBackend backend, Output output, JsonObject request, CancellationToken ct)
    {
        var preview = await backend.PreviewImportAsync(request, 100, ct);
        if (output.Json)
        {
            output.Value(preview);
            return ExitCodes.Ok;
        }

        var c = preview.Counts;
        var total = c.New + c.Changed + c.Unchanged + c.Skipped + c.Ambiguous;
        Output.Error("Preview only: nothing has been written.");
        output.Line($"Preview: new {c.New}, changed {c.Changed}, unchanged {c.Unchanged}, skipped {c.Skipped}, ambiguous {c.Ambiguous} (of {total})");
        output.Table(["Outcome", "ERP key", "Name", "CRM id", "Details"],
            preview.Rows.Select(r => new[] { r.Outcome, r.ErpKey, r.DisplayName, r.CrmRecordId?.ToString(CultureInfo.InvariantCulture), Details(r) }), preview);
        if (total > preview.Rows.Count)
        {
            output.Line($"… {total - preview.Rows.Count} more rows not shown (narrow with --keys, --text or --criteria, or use --output json).");
        }

        var hidden = preview.Ambiguous.Where(a => !preview.Rows.Any(r => r.ErpKey == a.ErpKey)).ToList();
        foreach (var row in hidden)
        {
            output.Line($"Ambiguous\t{row.ErpKey}\t{row.DisplayName}\t\t{Details(row)}");
        }

        if (c.Ambiguous > 0)
        {
            output.Line("Ambiguous rows are skipped unless you choose their CRM record with --pick ERPKEY=CRMID.");
        }

        return ExitCodes.Ok;
    }

    private static string Details(PreviewRowDto row) => row.Outcome switch
    {
        "New" or "Changed" => string.Join("; ", (row.Changes ?? []).Select(f => $"{f.Name}: {Quote(f.Before)} -> {Quote(f.After)}")),
        "Ambiguous" => "candidates: " + string.Join("; ", (row.Candidates ?? []).Select(a => $"{a.Id} {a.Name}")),
        _ => row.Reason ?? "",
    };

    private static string Quote(string? value) => value is null or "" ? "(blank)" : $"\"{value}\"";

    private static string[] ActorTypes() => Enum.GetNames<ActorType>().Where(n => n != nameof(ActorType.Unknown)).ToArray();

    // The engine's enum names, as the JSON of ImportSettings spells them.
    private static Option<string?> EnumOption<T>(string name, string description)
        where T : struct, Enum
    {
        var option = new Option<string?>(name) { Description = description + " (default: the engine's ImportSettings default)" };
        option.AcceptOnlyFromAmong(Enum.GetNames<T>());
        return option;
    }
}
