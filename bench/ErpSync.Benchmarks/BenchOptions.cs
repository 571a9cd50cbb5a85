using System.Globalization;

namespace ErpSync.Benchmarks;

/// <summary>The command line: <c>[sync|remote|all] [--links N] [--small N] [--changes N] [--remote-changes N] [--runs N] [--profile] [--fresh]</c>.</summary>
internal sealed record BenchOptions(string Figure, int Links, int Small, int Changes, int RemoteChanges, int Runs, bool Fresh, bool Profile, string Root)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project bench/ErpSync.Benchmarks -- [sync|remote|all] [options]
          sync                 one sync cycle with --links links against the same with --small links (design.md §8)
          remote               --remote-changes ERP changes synced through the HTTP connector against in-process
          all                  both (default)
          --links N            links of the large cycle (default 1000000)
          --small N            links of the small cycle and of the remote figure (default 10000)
          --changes N          changed records per side in the sync cycle (default 1000)
          --remote-changes N   ERP changes of the remote figure (default 10000, at most --small)
          --runs N             timed cycles per case; the median is reported (default 3)
          --profile            list the CRM database statements of the last timed cycle by time
          --fresh              rebuild the cached databases under artifacts/bench/cache
        """;

    public static BenchOptions? Parse(string[] args, string root)
    {
        var options = new BenchOptions("all", 1_000_000, 10_000, 1_000, 10_000, 3, false, false, root);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "sync" or "remote" or "all":
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
                case "--fresh":
                    options = options with { Fresh = true };
                    break;
                default:
                    return null;
            }
        }

        if (options.Links < 1 || options.Small < 1 || options.Runs < 1 || options.Changes < 1 || options.RemoteChanges < 1
            || options.Changes * 2 > Math.Min(options.Links, options.Small))
        {
            return null;
        }

        return options with { RemoteChanges = Math.Min(options.RemoteChanges, options.Small) };
    }

    private static int Number(string[] args, int i) =>
        i < args.Length && int.TryParse(args[i].Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal),
            NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
}
