using ErpSync.Connectors;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Connectors;

public sealed partial class ConnectorAdmin
{
    /// <summary>
    /// Registers a remote connector by name, URL and shared secret. The URL must answer a signed <c>info</c> call
    /// before anything is saved; the secret is stored encrypted and never returned.
    /// </summary>
    public async Task<ConnectorSummary> AddRemoteAsync(string name, string url, string secret, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        name = name?.Trim() ?? "";
        url = url?.Trim() ?? "";
        secret ??= "";
        if (name.Length == 0)
        {
            errors["name"] = [T("Name is required.", "Naam is verplicht.")];
        }
        else if (name.Length > 100)
        {
            errors["name"] = [T("Name can be at most 100 characters.", "Naam mag hoogstens 100 tekens lang zijn.")];
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || url.Length > 1023)
        {
            errors["url"] = [T("Enter an http:// or https:// URL of at most 1023 characters.", "Voer een http://- of https://-URL in van hoogstens 1023 tekens.")];
        }

        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 500)
        {
            errors["secret"] = [T("Enter the shared secret the connector was started with (at most 500 characters).", "Voer het gedeelde geheim in waarmee de connector is gestart (hoogstens 500 tekens).")];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (name.Length > 0 && await db.Connectors.AnyAsync(c => c.Name == name, cancellationToken))
        {
            errors["name"] = [T("A Sync Connector with this name already exists.", "Er bestaat al een Sync Connector met deze naam.")];
        }

        if (errors.Count == 0 && await remotes.ConnectAsync(uri!, secret, cancellationToken) is { IsOk: false } probe)
        {
            var (field, message) = probe.Error.Code == ErrorCode.AuthenticationFailed
                ? ("secret", T("The connector at this URL refused the signature: check the shared secret.", "De connector op deze URL weigerde de handtekening: controleer het gedeelde geheim."))
                : ("url", T($"The connector at this URL does not answer: {probe.Error.Message}", $"De connector op deze URL antwoordt niet: {probe.Error.Message}"));
            errors[field] = [message];
        }

        if (errors.Count > 0)
        {
            throw new UserErrorException(T("Please correct the marked fields.", "Corrigeer de gemarkeerde velden."), errors);
        }

        var row = new ConnectorRegistration
        {
            Name = name, Kind = ConnectorKind.Remote, Url = url, ProtectedSecret = secrets.Protect(secret), CreatedAt = time.GetUtcNow(),
        };
        db.Connectors.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return (await ListAsync(cancellationToken)).First(c => c.Id == row.Id);
    }

    /// <summary>Checks that a connector can be called: for a remote one, a signed <c>info</c> call.</summary>
    public async Task<ConnectorTestResult> TestAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Connectors.FirstOrDefaultAsync(c => c.Id == id && !c.IsDeleted, cancellationToken)
            ?? throw UserErrorException.NotFound(T("This Sync Connector does not exist.", "Deze Sync Connector bestaat niet."));
        if (row.Kind != ConnectorKind.Remote)
        {
            var (status, ok) = await StatusAsync(row, cancellationToken);
            return new ConnectorTestResult(ok, status);
        }

        var remote = await remotes.ConnectAsync(row, cancellationToken);
        return remote.IsOk
            ? new ConnectorTestResult(true, T($"The connector answers: {remote.Value.Info.DisplayName} {remote.Value.Info.Version}.",
                $"De connector antwoordt: {remote.Value.Info.DisplayName} {remote.Value.Info.Version}."))
            : new ConnectorTestResult(false, ConnectorResolver.NotReachable(row.Name, remote.Error));
    }

    private async Task<(string Status, bool IsReachable)> StatusAsync(ConnectorRegistration row, CancellationToken cancellationToken)
    {
        if (row.Kind != ConnectorKind.Remote)
        {
            return (ConnectorResolver.BuiltInStatus(row, catalog), row.BuiltInName is { } n && catalog.Find(n) is not null);
        }

        var remote = await remotes.ConnectAsync(row, cancellationToken);
        return remote.IsOk ? (T("Reachable", "Bereikbaar"), true)
            : remote.Error.Code == ErrorCode.AuthenticationFailed ? (T("Signature refused", "Handtekening geweigerd"), false)
            : (T("Not reachable", "Niet bereikbaar"), false);
    }
}
