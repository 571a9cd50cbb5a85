namespace ErpSync.Engine.Accounts;

public enum UserRole
{
    User = 0,
    Administrator = 1,
}
