namespace ErpSync.Engine.Crm;

/// <summary>One page of a list: the rows asked for and how many rows match in total.</summary>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, int Total, int Skip, int Take)
{
    public const int DefaultTake = 25;
    public const int MaxTake = 200;

    /// <summary>Keeps paging arguments from callers (query strings) within sane bounds.</summary>
    public static (int Skip, int Take) Clamp(int skip, int take) => (Math.Max(0, skip), take <= 0 ? DefaultTake : Math.Min(take, MaxTake));
}
