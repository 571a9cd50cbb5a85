using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Accounts;

public sealed partial class AccountAdmin
{
    public async Task<IReadOnlyList<ApiTokenSummary>> ListTokensAsync(int userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ApiTokens.Where(t => t.UserId == userId).ToListAsync(cancellationToken);
        return tokens.OrderByDescending(t => t.CreatedAt).Select(ToSummary).ToList();
    }

    public async Task<CreatedApiToken> CreateTokenAsync(int userId, string name, int? validDays, CancellationToken cancellationToken)
    {
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            throw UserErrorException.Field("name", T("Give the token a name of 1 to 100 characters.", "Geef het token een naam van 1 tot 100 tekens."));
        }

        if (validDays is < 1 or > 3650)
        {
            throw UserErrorException.Field("validDays", T("Validity must be between 1 and 3650 days.", "Geldigheid moet tussen 1 en 3650 dagen liggen."));
        }

        var token = ApiTokenHasher.NewToken();
        var now = time.GetUtcNow();
        var row = new ApiToken
        {
            UserId = userId,
            Name = name,
            Prefix = token[..10],
            Hash = ApiTokenHasher.Hash(token),
            CreatedAt = now,
            ExpiresAt = validDays is { } d ? now.AddDays(d) : null,
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiToken(ToSummary(row), token);
    }

    public async Task RevokeTokenAsync(int userId, int tokenId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, cancellationToken)
            ?? throw UserErrorException.NotFound(T("This token does not exist.", "Dit token bestaat niet."));
        row.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The user a valid, unrevoked, unexpired token belongs to, or null.</summary>
    public async Task<AuthenticatedUser?> AuthenticateTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(ApiTokenHasher.TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = ApiTokenHasher.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        var now = time.GetUtcNow();
        if (row is null || row.RevokedAt is not null || row.ExpiresAt <= now || row.User is not { IsActive: true } user)
        {
            return null;
        }

        // Recording every use would write on every request; a minute's precision is enough to see that a token is in use.
        if (row.LastUsedAt is null || now - row.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            row.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return ToAuthenticated(user);
    }

    private static ApiTokenSummary ToSummary(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt is not null);
}
