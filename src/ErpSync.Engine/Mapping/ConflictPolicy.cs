namespace ErpSync.Engine.Mapping;

/// <summary>What wins when both the CRM and the ERP changed a field synced both ways since the last sync.</summary>
public enum ConflictPolicy
{
    /// <summary>The later change wins; ties are broken by the sync priority.</summary>
    NewestWins = 0,
    CrmWins = 1,
    ErpWins = 2,

    /// <summary>Neither is applied; both values wait in a review list for an administrator.</summary>
    Review = 3,
}
