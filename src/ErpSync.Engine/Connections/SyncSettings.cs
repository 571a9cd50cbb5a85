namespace ErpSync.Engine.Connections;

/// <summary>Installation-wide sync settings (one row).</summary>
public sealed class SyncSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>
    /// Connection ids separated by semicolons, highest priority first; <c>0</c> stands for the CRM itself.
    /// Connections missing from the list rank after the listed ones, by name.
    /// </summary>
    public string PriorityOrder { get; set; } = "0";

    /// <summary>The On/Off buttons: whether active connections sync on a schedule.</summary>
    public bool AutomaticSync { get; set; } = true;

    /// <summary>Seconds between scheduled syncs of a connection.</summary>
    public int IntervalSeconds { get; set; } = 300;
}
