using ErpSync.Engine.Connections;
using ErpSync.Server.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace ErpSync.Server.Features.ErpTab;

/// <summary>Decides whether a record page shows the ERP tab: only to users in the scope of at least one active connection.</summary>
internal sealed class ErpTabAccess(ConnectionAdmin connections, AuthenticationStateProvider auth)
{
    public async Task<IReadOnlyList<UsableConnection>> LoadAsync(CancellationToken cancellationToken)
    {
        var state = await auth.GetAuthenticationStateAsync();
        return state.User.Identity?.IsAuthenticated == true ? await connections.UsableByAsync(state.User.UserId(), cancellationToken) : [];
    }
}
