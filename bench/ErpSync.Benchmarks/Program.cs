using ErpSync.Benchmarks;

var root = FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory);
var options = root is null ? null : BenchOptions.Parse(args, root);
if (options is null)
{
    Console.Error.WriteLine(root is null ? "Run from the ErpSync repository (ErpSync.slnx not found)." : BenchOptions.Usage);
    return 2;
}

if (options.ChildWorkspace is { } childWorkspace)
{
    return await MemoryFigure.ChildAsync(options, childWorkspace);
}

Console.WriteLine($"ErpSync benchmarks (design.md §8) — {Environment.ProcessorCount} cores, .NET {Environment.Version}, runs per case {options.Runs}");
var verdicts = new List<string>();
if (options.Figure is "sync" or "all")
{
    verdicts.Add(await Figures.SyncCycleAsync(options));
    Console.WriteLine();
}

if (options.Figure is "remote" or "all")
{
    verdicts.Add(await Figures.RemoteAsync(options));
    Console.WriteLine();
}

if (options.Figure is "import" or "all")
{
    verdicts.Add(await ImportFigures.ImportAsync(options));
    Console.WriteLine();
}

if (options.Figure is "import-memory" or "all")
{
    verdicts.Add(await MemoryFigure.RunAsync(options));
    Console.WriteLine();
}

if (options.Figure is "tryton" or "all")
{
    verdicts.Add(await TrytonFigure.RunAsync(options));
    Console.WriteLine();
}

foreach (var verdict in verdicts)
{
    Console.WriteLine(verdict);
}

return 0;

static string? FindRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ErpSync.slnx")))
        {
            return dir.FullName;
        }
    }

    return null;
}
