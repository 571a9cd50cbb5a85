namespace ErpSync.Connectors.DemoErp;

/// <summary>Picks the English or Dutch form of a user-facing text for the caller's culture.</summary>
internal static class Texts
{
    public static string T(this ConnectorContext context, string english, string dutch) => context.IsDutch ? dutch : english;

    public static string T(bool dutch, string english, string nonEnglish) => dutch ? nonEnglish : english;
}
