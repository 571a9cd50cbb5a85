using ErpSync.Engine.Data;
using Microsoft.EntityFrameworkCore;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Accounts;

/// <summary>Users and groups, managed by administrators; shared by the API and the pages.</summary>
public sealed partial class AccountAdmin(IDbContextFactory<ErpSyncDb> dbFactory, TimeProvider time)
{
    public const int MinPasswordLength = 8;

    public async Task<IReadOnlyList<UserSummary>> ListUsersAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.OrderBy(u => u.DisplayName)
            .Select(u => new UserSummary(u.Id, u.UserName, u.DisplayName, u.Email, u.Role, u.IsActive, u.Culture, u.Groups.Select(g => g.GroupId).ToList()))
            .ToListAsync(cancellationToken);
    }

    public async Task<UserSummary> SaveUserAsync(int? id, UserInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var user = id is { } existingId
            ? await db.Users.Include(u => u.Groups).FirstOrDefaultAsync(u => u.Id == existingId, cancellationToken)
              ?? throw UserErrorException.NotFound(T("This user does not exist.", "Deze gebruiker bestaat niet."))
            : null;
        var errors = new Dictionary<string, string[]>();
        var userName = input.UserName?.Trim() ?? "";
        var normalized = userName.ToUpperInvariant();
        if (userName.Length is 0 or > 100 || userName.Any(char.IsWhiteSpace))
        {
            errors["userName"] = [T("Enter a user name of 1 to 100 characters without spaces.", "Voer een gebruikersnaam in van 1 tot 100 tekens zonder spaties.")];
        }
        else if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized && u.Id != (id ?? 0), cancellationToken))
        {
            errors["userName"] = [T("This user name is taken.", "Deze gebruikersnaam is al in gebruik.")];
        }

        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            errors["displayName"] = [T("Name is required.", "Naam is verplicht.")];
        }

        if (input.Culture is not (null or "en" or "nl"))
        {
            errors["culture"] = [T("Language must be en, nl or empty.", "Taal moet en, nl of leeg zijn.")];
        }

        if ((user is null || input.Password is not null) && (input.Password?.Length ?? 0) < MinPasswordLength)
        {
            errors["password"] = [T($"The password needs at least {MinPasswordLength} characters.", $"Het wachtwoord moet minstens {MinPasswordLength} tekens hebben.")];
        }

        var groupIds = input.GroupIds.Distinct().ToList();
        if (await db.Groups.CountAsync(g => groupIds.Contains(g.Id), cancellationToken) != groupIds.Count)
        {
            errors["groupIds"] = [T("A chosen group does not exist.", "Een gekozen groep bestaat niet.")];
        }

        if (user is { Role: UserRole.Administrator } && (input.Role != UserRole.Administrator || !input.IsActive)
            && !await db.Users.AnyAsync(u => u.Id != user.Id && u.Role == UserRole.Administrator && u.IsActive, cancellationToken))
        {
            errors["role"] = [T("The last active administrator cannot lose that role.", "De laatste actieve beheerder kan die rol niet verliezen.")];
        }

        if (errors.Count > 0)
        {
            throw new UserErrorException(T("Please correct the marked fields.", "Corrigeer de gemarkeerde velden."), errors);
        }

        user ??= db.Users.Add(new User { UserName = "", NormalizedUserName = "", DisplayName = "", PasswordHash = "", CreatedAt = time.GetUtcNow() }).Entity;
        var securityChanged = user.Role != input.Role || user.IsActive != input.IsActive || input.Password is not null;
        user.UserName = userName;
        user.NormalizedUserName = normalized;
        user.DisplayName = input.DisplayName.Trim();
        user.Email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        user.Role = input.Role;
        user.IsActive = input.IsActive;
        user.Culture = input.Culture;
        if (input.Password is not null)
        {
            user.PasswordHash = PasswordHasher.Hash(input.Password);
        }

        if (securityChanged)
        {
            user.SecurityStamp = Guid.NewGuid().ToString("N");
        }

        user.Groups.RemoveAll(g => !groupIds.Contains(g.GroupId));
        user.Groups.AddRange(groupIds.Where(g => user.Groups.All(m => m.GroupId != g)).Select(g => new UserGroupMember { GroupId = g }));
        await db.SaveChangesAsync(cancellationToken);
        return new UserSummary(user.Id, user.UserName, user.DisplayName, user.Email, user.Role, user.IsActive, user.Culture, groupIds);
    }

    public async Task<IReadOnlyList<GroupSummary>> ListGroupsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Groups.OrderBy(g => g.Name)
            .Select(g => new GroupSummary(g.Id, g.Name, g.Description, g.Members.Select(m => m.UserId).ToList()))
            .ToListAsync(cancellationToken);
    }

    public async Task<GroupSummary> SaveGroupAsync(int? id, GroupInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100)
        {
            throw UserErrorException.Field("name", T("Enter a group name of 1 to 100 characters.", "Voer een groepsnaam in van 1 tot 100 tekens."));
        }

        if (await db.Groups.AnyAsync(g => g.Name == name && g.Id != (id ?? 0), cancellationToken))
        {
            throw UserErrorException.Field("name", T("A group with this name already exists.", "Er bestaat al een groep met deze naam."));
        }

        var group = id is { } existing
            ? await db.Groups.FirstOrDefaultAsync(g => g.Id == existing, cancellationToken) ?? throw UserErrorException.NotFound(T("This group does not exist.", "Deze groep bestaat niet."))
            : db.Groups.Add(new UserGroup { Name = name }).Entity;
        group.Name = name;
        group.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return (await ListGroupsAsync(cancellationToken)).First(g => g.Id == group.Id);
    }

    public async Task DeleteGroupAsync(int id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var group = await db.Groups.FirstOrDefaultAsync(g => g.Id == id, cancellationToken)
            ?? throw UserErrorException.NotFound(T("This group does not exist.", "Deze groep bestaat niet."));
        if (await db.ConnectionAccess.AnyAsync(a => a.GroupId == id, cancellationToken))
        {
            throw new UserErrorException(T("This group is in the scope of an ERP connection; remove it there first.", "Deze groep valt binnen de reikwijdte van een ERP-verbinding; verwijder hem daar eerst."), status: 409);
        }

        db.Groups.Remove(group);
        await db.SaveChangesAsync(cancellationToken);
    }
}
