namespace ErpSync.Engine.Accounts;

public sealed record UserSummary(int Id, string UserName, string DisplayName, string? Email, UserRole Role, bool IsActive, string? Culture, IReadOnlyList<int> GroupIds);

public sealed record UserInput(string UserName, string DisplayName, string? Email, UserRole Role, bool IsActive, string? Culture, IReadOnlyList<int> GroupIds, string? Password);

public sealed record GroupSummary(int Id, string Name, string? Description, IReadOnlyList<int> MemberIds);

public sealed record GroupInput(string Name, string? Description);

/// <summary>The signed-in user as the web layer needs it.</summary>
public sealed record AuthenticatedUser(int Id, string UserName, string DisplayName, UserRole Role, string? Culture, string SecurityStamp);

public sealed record ApiTokenSummary(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, bool IsRevoked);

/// <summary>A new token: <see cref="Token"/> is shown once and never stored.</summary>
public sealed record CreatedApiToken(ApiTokenSummary Summary, string Token);
