using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Accounts;

public sealed partial class AccountAdmin
{
    /// <summary>The active user with these credentials, or null. Takes the same time whether or not the user exists.</summary>
    public async Task<AuthenticatedUser?> ValidateCredentialsAsync(string userName, string password, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var normalized = (userName ?? "").Trim().ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        var ok = PasswordHasher.Verify(password ?? "", user?.PasswordHash ?? DummyHash.Value);
        return ok && user is { IsActive: true } ? ToAuthenticated(user) : null;
    }

    public async Task<AuthenticatedUser?> FindAsync(int userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, cancellationToken);
        return user is null ? null : ToAuthenticated(user);
    }

    /// <summary>Changes the user's own language (null follows the browser).</summary>
    public async Task SetCultureAsync(int userId, string? culture, CancellationToken cancellationToken)
    {
        if (culture is not (null or "en" or "nl"))
        {
            throw UserErrorException.Field("culture", T("Language must be en, nl or empty.", "Taal moet en, nl of leeg zijn."));
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstAsync(u => u.Id == userId, cancellationToken);
        user.Culture = culture;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Changes the user's own password after checking the current one.</summary>
    public async Task ChangePasswordAsync(int userId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstAsync(u => u.Id == userId, cancellationToken);
        if (!PasswordHasher.Verify(currentPassword ?? "", user.PasswordHash))
        {
            throw UserErrorException.Field("currentPassword", T("The current password is not correct.", "Het huidige wachtwoord is niet juist."));
        }

        if ((newPassword?.Length ?? 0) < MinPasswordLength)
        {
            throw UserErrorException.Field("newPassword", T($"The password needs at least {MinPasswordLength} characters.", $"Het wachtwoord moet minstens {MinPasswordLength} tekens hebben."));
        }

        user.PasswordHash = PasswordHasher.Hash(newPassword!);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(cancellationToken);
    }

    private static AuthenticatedUser ToAuthenticated(User u) => new(u.Id, u.UserName, u.DisplayName, u.Role, u.Culture, u.SecurityStamp);

    // Verifying against a real hash when the user is unknown keeps response times from revealing user names.
    private static readonly Lazy<string> DummyHash = new(() => PasswordHasher.Hash(Guid.NewGuid().ToString()));
}
