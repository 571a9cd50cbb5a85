using System.Globalization;

namespace ErpSync.Benchmarks;

/// <summary>The command line: <c>[sync|remote|import|import-memory|tryton|all] [--links N] [--small N] [--changes N] [--remote-changes N] [--runs N] [--profile] [--fresh]</c>.</summary>
internal sealed record BenchOptions(string Figure, int Links, int Small, int Changes, int RemoteChanges, int Runs, bool Fresh, bool Profile, string Root)
{
    public int ImportActors { get; init; } = 100_000;

    public int MemoryActors { get; init; } = 1_000_000;

    public int TrytonParties { get; init; } = 5_000;

    /// <summary>Set in the child process of import-memory: the prepared workspace to import from.</summary>
    public string? ChildWorkspace { get; init; }

    public const string Usage = """
        Usage: dotnet run -c Release --project bench/ErpSync.Benchmarks -- [sync|remote|import|import-memory|tryton|all] [options]
          sync                 one sync cycle with --links links against the same with --small links (design.md §8)
          remote               --remote-changes ERP changes synced through the HTTP connector against in-process
          import               --import N customers through the import job against raw read + bulk insert
          import-memory        peak memory while importing --memory-actors N customers (in a child process)
          tryton               --tryton-parties N parties of a live Tryton: import against raw search_read
          all                  all of them (default)
          --links N            links of the large cycle (default 1000000)
          --small N            links of the small cycle and of the remote figure (default 10000)
          --changes N          changed records per side in the sync cycle (default 1000)
          --remote-changes N   ERP changes of the remote figure (default 10000, at most --small)
          --runs N             timed cycles per case; the median is reported (default 3)
          --profile            list the CRM database statements of the last timed cycle by time
          --import N           customers of the import figure (default 100000)
          --memory-actors N    customers of the import-memory figure (default 1000000)
          --tryton-parties N   parties of the Tryton figure (default 5000)
          --fresh              rebuild the cached databases under artifacts/bench/cache
        """;

    public static BenchOptions? Parse(string[] args, string root)
    {
        var options = new BenchOptions("all", 1_000_000, 10_000, 1_000, 10_000, 3, false, false, root);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "sync" or "remote" or "import" or "import-memory" or "tryton" or "all":
                    options = options with { Figure = args[i] };
                    break;
                case "--links":
                    options = options with { Links = Number(args, ++i) };
                    break;
                case "--small":
                    options = options with { Small = Number(args, ++i) };
                    break;
                case "--changes":
                    options = options with { Changes = Number(args, ++i) };
                    break;
                case "--remote-changes":
                    options = options with { RemoteChanges = Number(args, ++i) };
                    break;
                case "--runs":
                    options = options with { Runs = Number(args, ++i) };
                    break;
                case "--profile":
                    options = options with { Profile = true };
                    break;
                case "--import":
                    options = options with { ImportActors = Number(args, ++i) };
                    break;
                case "--memory-actors":
                    options = options with { MemoryActors = Number(args, ++i) };
                    break;
                case "--tryton-parties":
                    options = options with { TrytonParties = Number(args, ++i) };
                    break;
                case "--child" when i + 1 < args.Length:
                    options = options with { ChildWorkspace = args[++i] };
                    break;
                case "--fresh":
                    options = options with { Fresh = true };
                    break;
                default:
                    return null;
            }
        }

        if (options.Links < 1 || options.Small < 1 || options.Runs < 1 || options.Changes < 1 || options.RemoteChanges < 1
            || options.Changes * 2 > Math.Min(options.Links, options.Small) || options.ImportActors < 1 || options.MemoryActors < 1 || options.TrytonParties < 1)
        {
            return null;
        }

        return options with { RemoteChanges = Math.Min(options.RemoteChanges, options.Small) };
    }

    private static int Number(string[] args, int i) =>
        i < args.Length && int.TryParse(args[i].Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal),
            NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
}
