namespace ErpSync.ConnectorHost;

/// <summary>Command line (<c>--connector demo --secret …</c>) or environment (<c>ERPSYNC_CONNECTOR</c>, <c>ERPSYNC_CONNECTOR_SECRET</c>).</summary>
internal sealed record ConnectorHostOptions(string Connector, string Secret)
{
    public const string DefaultUrls = "http://127.0.0.1:5190";

    public static ConnectorHostOptions From(IConfiguration configuration)
    {
        var connector = configuration["connector"] ?? configuration["ERPSYNC_CONNECTOR"] ?? "demo";
        var secret = configuration["secret"] ?? configuration["ERPSYNC_CONNECTOR_SECRET"];
        if (!HostedConnectors.ByName.ContainsKey(connector))
        {
            throw new InvalidOperationException($"Unknown connector '{connector}'. Known: {string.Join(", ", HostedConnectors.ByName.Keys)}.");
        }

        // A secret on the command line shows in the process list; the environment variable is the safer choice in production.
        return string.IsNullOrWhiteSpace(secret)
            ? throw new InvalidOperationException("Give the shared secret with --secret <s> or the environment variable ERPSYNC_CONNECTOR_SECRET.")
            : new ConnectorHostOptions(connector, secret);
    }
}
