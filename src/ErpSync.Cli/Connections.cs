using System.Globalization;

namespace ErpSync.Cli;

/// <summary>Commands take a connection by id or by name; names are looked up in the connections list.</summary>
internal static class Connections
{
    public const string ArgumentName = "connection";

    public const string Description = "The connection, by id or name (see 'connections list')";

    public static async Task<int> ResolveAsync(IErpSyncBackend backend, string given, CancellationToken ct)
    {
        if (int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        var matches = (await backend.ConnectionsAsync(ct)).Where(c => string.Equals(c.Name, given, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches[0].Id,
            0 => throw new CliException(ExitCodes.Failed, $"No connection named '{given}' (see 'erpsync connections list')."),
            _ => throw new CliException(ExitCodes.Failed, $"Several connections are named '{given}'; use the id."),
        };
    }
}
