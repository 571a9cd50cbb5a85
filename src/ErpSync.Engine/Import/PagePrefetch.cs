using System.Runtime.CompilerServices;

namespace ErpSync.Engine.Import;

/// <summary>
/// Reads the next page from the connector while the caller writes the current one: reading (the ERP's work, often a
/// remote server's) and writing (the CRM's) then overlap instead of taking turns. At most one page is read ahead.
/// </summary>
internal static class PagePrefetch
{
    public static async IAsyncEnumerable<T> AheadAsync<T>(IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var pages = source.GetAsyncEnumerator(cancellationToken);
        var next = pages.MoveNextAsync().AsTask();
        try
        {
            while (await next)
            {
                var current = pages.Current;
                next = pages.MoveNextAsync().AsTask();
                yield return current;
            }
        }
        finally
        {
            // The caller stopped early (cancel, or its write failed): let the read in flight end before the enumerator
            // is disposed, and observe its failure, if any, so it neither races the disposal nor hides the caller's error.
            await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _ = next.Exception;
        }
    }
}
