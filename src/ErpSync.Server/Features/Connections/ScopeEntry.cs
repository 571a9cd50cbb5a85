using ErpSync.Engine.Connections;

namespace ErpSync.Server.Features.Connections;

/// <summary>A user or group chosen in the scope of a connection, with a name to show.</summary>
public sealed class ScopeEntry
{
    public int? UserId { get; init; }
    public int? GroupId { get; init; }
    public required string Name { get; init; }
    public bool CanLink { get; set; } = true;
    public bool CanCreate { get; set; } = true;

    public string Key => UserId is { } u ? $"u{u}" : $"g{GroupId}";

    public AccessEntry ToAccess() => new(UserId, GroupId, CanLink, CanCreate);
}
