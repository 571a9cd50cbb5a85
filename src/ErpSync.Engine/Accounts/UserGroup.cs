namespace ErpSync.Engine.Accounts;

public sealed class UserGroup
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public List<UserGroupMember> Members { get; set; } = [];
}
