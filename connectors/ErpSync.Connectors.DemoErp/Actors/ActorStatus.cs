namespace ErpSync.Connectors.DemoErp;

/// <summary>The life state of an actor row; archived and merged rows stay in the table so the change feed can report them.</summary>
internal enum ActorStatus
{
    Active = 0,
    Archived = 1,
    Merged = 2,
}
