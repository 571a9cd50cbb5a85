namespace ErpSync.Engine.Accounts;

public sealed class UserGroupMember
{
    public int UserId { get; set; }
    public int GroupId { get; set; }
    public User? User { get; set; }
    public UserGroup? Group { get; set; }
}
