using System.Text.Json;
using Spectre.Console;

namespace ErpSync.Cli;

/// <summary>
/// Writes results as a table (Spectre.Console in a terminal, tab-separated plain lines when output is redirected) or
/// as JSON (<c>--output json</c>). Messages go to standard error, so standard output stays parseable.
/// </summary>
internal sealed class Output(bool json)
{
    public bool Json { get; } = json;

    public static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public void Value(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, CliJson.Options));

    public void Table(string[] headers, IEnumerable<string?[]> rows, object jsonValue)
    {
        if (Json)
        {
            Value(jsonValue);
            return;
        }

        if (!Interactive)
        {
            Console.Out.WriteLine(string.Join('\t', headers));
            foreach (var row in rows)
            {
                Console.Out.WriteLine(string.Join('\t', row.Select(c => (c ?? "").Replace('\t', ' ').Replace('\n', ' '))));
            }

            return;
        }

        var table = new Table().RoundedBorder();
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(c => Markup.Escape(c ?? "")).ToArray());
        }

        AnsiConsole.Write(table);
    }

    /// <summary>A line of human-readable result on standard output (left out with --output json).</summary>
    public void Line(string text)
    {
        if (!Json)
        {
            Console.Out.WriteLine(text);
        }
    }

    public static void Error(string text) => Console.Error.WriteLine(text);
}
