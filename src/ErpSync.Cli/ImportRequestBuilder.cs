using System.Text.Json;
using System.Text.Json.Nodes;
using ErpSync.Connectors;

namespace ErpSync.Cli;

/// <summary>
/// Builds the JSON of the engine's ImportRequest from <c>--settings-file</c> and the flags (flags win). The file is kept
/// as JSON rather than read into a record of our own: settings this CLI does not know yet (added to the engine later)
/// pass through to the server untouched, and the same file works against POST /api/import/preview and /jobs.
/// </summary>
internal sealed class ImportRequestBuilder
{
    private readonly JsonObject _request;

    private ImportRequestBuilder(JsonObject request) => _request = request;

    public static ImportRequestBuilder From(FileInfo? file)
    {
        if (file is null)
        {
            return new ImportRequestBuilder([]);
        }

        if (!file.Exists)
        {
            throw new CliException(ExitCodes.Usage, $"File not found: {file.FullName}");
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(file.FullName), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
                is JsonObject root ? new ImportRequestBuilder(root) : throw new CliException(ExitCodes.Usage, $"{file.Name} must hold a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new CliException(ExitCodes.Usage, $"{file.Name} is not JSON: {ex.Message}");
        }
    }

    /// <summary>The connection of the file (connectionId), if any.</summary>
    public int? FileConnectionId => Get(_request, "connectionId") is JsonValue v && v.TryGetValue<int>(out var id) ? id : null;

    public bool HasActorType => Get(_request, "actorType") is not null;

    public void Connection(int id) => Set(_request, "connectionId", id);

    public void ActorType(string? actorType)
    {
        if (actorType is not null)
        {
            Set(_request, "actorType", actorType);
        }
    }

    /// <summary>--keys, --text and --criteria replace the file's selection of the same kind.</summary>
    public void Selection(IReadOnlyList<string> keys, string? text, IReadOnlyList<string> criteria)
    {
        var selection = Child(_request, "selection");
        if (keys.Count > 0)
        {
            Set(selection, "keys", new JsonArray(keys.SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(k => (JsonNode)k).ToArray()));
        }

        if (text is not null)
        {
            Set(selection, "text", text);
        }

        if (criteria.Count > 0)
        {
            Set(selection, "criteria", new JsonArray(criteria.Select(Criterion).ToArray()));
        }
    }

    /// <summary>Overlays one setting; other properties of the file's settings stay as they are.</summary>
    public void Setting(string name, string? value)
    {
        if (value is not null)
        {
            Set(Child(_request, "settings"), name, value);
        }
    }

    public void Picks(IReadOnlyList<string> picks)
    {
        if (picks.Count == 0)
        {
            return;
        }

        var target = Child(_request, "picks");
        foreach (var pick in picks)
        {
            var at = pick.LastIndexOf('=');
            if (at <= 0 || !int.TryParse(pick[(at + 1)..], out var crmId))
            {
                throw new CliException(ExitCodes.Usage, $"--pick takes ERPKEY=CRMID, not '{pick}'.");
            }

            // ERP keys are compared exactly, unlike property names.
            target[pick[..at]] = crmId;
        }
    }

    public void Excluded(IReadOnlyList<string> keys)
    {
        if (keys.Count > 0)
        {
            var list = Get(_request, "excluded") as JsonArray ?? [];
            Set(_request, "excluded", new JsonArray(list.Select(n => n?.DeepClone()).Concat(keys.Select(k => (JsonNode)k)).ToArray()));
        }
    }

    public JsonObject Build()
    {
        Child(_request, "selection");
        Child(_request, "settings");
        return _request;
    }

    /// <summary><c>FIELD:OPERATOR:VALUE</c>; several values (between, one of) separated by <c>|</c>.</summary>
    internal static JsonObject Criterion(string text)
    {
        var parts = text.Split(':', 3);
        if (parts.Length < 2 || parts[0].Length == 0)
        {
            throw new CliException(ExitCodes.Usage, $"--criteria takes FIELD:OPERATOR:VALUE, not '{text}'.");
        }

        if (!Enum.TryParse<SearchOperator>(parts[1], ignoreCase: true, out var op) || !Enum.IsDefined(op))
        {
            throw new CliException(ExitCodes.Usage, $"Unknown operator '{parts[1]}' in --criteria; one of: {string.Join(", ", Enum.GetNames<SearchOperator>())}.");
        }

        var values = parts.Length == 3 ? parts[2].Split('|').Select(v => (JsonNode?)v).ToArray() : [];
        return new JsonObject { ["fieldKey"] = parts[0], ["operator"] = op.ToString(), ["values"] = new JsonArray(values) };
    }

    // Property names compare case-insensitively, as the server reads them: a file's "CompanyMatch" is replaced by
    // the flag's "companyMatch" instead of being sent twice.
    private static JsonNode? Get(JsonObject target, string name) =>
        target.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static void Set(JsonObject target, string name, JsonNode? value)
    {
        foreach (var key in target.Select(p => p.Key).Where(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            target.Remove(key);
        }

        target[name] = value;
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (Get(parent, name) is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        Set(parent, name, created);
        return created;
    }
}
