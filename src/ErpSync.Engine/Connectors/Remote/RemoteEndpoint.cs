namespace ErpSync.Engine.Connectors.Remote;

/// <summary>Where a remote connector answers and how calls to it are signed.</summary>
/// <param name="BaseUrl">The connector service's base URL; the protocol paths (<c>/v1/&lt;verb&gt;</c>) are appended to it.</param>
/// <param name="Secret">The shared secret registered for the connector (plain text, in memory only).</param>
/// <param name="Timeout">How long one call may take; a slower call fails as <see cref="ErpSync.Connectors.ErrorCode.Transient"/>.</param>
public sealed record RemoteEndpoint(Uri BaseUrl, string Secret, TimeSpan Timeout)
{
    /// <summary>The URL of a protocol path below <see cref="BaseUrl"/>, which may carry a path of its own.</summary>
    public Uri UrlOf(string path) => new(BaseUrl.AbsoluteUri.TrimEnd('/') + path);

    /// <summary>Only the URL: the secret must never reach a log.</summary>
    public override string ToString() => BaseUrl.ToString();
}
