using System.Security.Claims;
using ErpSync.Engine.Accounts;

namespace ErpSync.Server.Security;

/// <summary>The claims ErpSync puts into a principal, and how to read them back.</summary>
internal static class ErpSyncClaims
{
    public const string Culture = "erpsync:culture";
    public const string SecurityStamp = "erpsync:stamp";
    public const string DisplayName = "erpsync:display_name";
    public const string AdminPolicy = "Administrator";

    public static ClaimsPrincipal ToPrincipal(AuthenticatedUser user, string scheme)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, user.UserName),
            new(ClaimTypes.Role, user.Role.ToString()),
            new(DisplayName, user.DisplayName),
            new(SecurityStamp, user.SecurityStamp),
        ];
        if (user.Culture is { } culture)
        {
            claims.Add(new Claim(Culture, culture));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static int UserId(this ClaimsPrincipal principal) =>
        int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : throw new InvalidOperationException("Not signed in.");

    public static bool IsAdministrator(this ClaimsPrincipal principal) => principal.IsInRole(nameof(UserRole.Administrator));
}
