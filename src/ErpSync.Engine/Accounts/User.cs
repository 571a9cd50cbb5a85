namespace ErpSync.Engine.Accounts;

public sealed class User
{
    public int Id { get; set; }
    public required string UserName { get; set; }

    /// <summary>Upper-invariant user name: sign-in and uniqueness ignore case on every database.</summary>
    public required string NormalizedUserName { get; set; }

    public required string DisplayName { get; set; }
    public string? Email { get; set; }
    public required string PasswordHash { get; set; }
    public UserRole Role { get; set; } = UserRole.User;

    /// <summary>"en" or "nl"; null follows the browser.</summary>
    public string? Culture { get; set; }

    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Bumped when the password, role or activity changes, so existing sign-in cookies stop working.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    public List<UserGroupMember> Groups { get; set; } = [];
}
