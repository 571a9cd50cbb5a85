namespace ErpSync.Connectors.Tryton;

/// <summary>Picks the English or Dutch form of a user-facing text for the caller's culture (the SDK carries it on the context).</summary>
internal static class Texts
{
    public static string T(this ConnectorContext context, string english, string dutch) => context.IsDutch ? dutch : english;

    public static string T(bool dutch, string english, string dutchText) => dutch ? dutchText : english;
}
