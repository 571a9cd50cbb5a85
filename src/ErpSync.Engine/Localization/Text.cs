using System.Globalization;

namespace ErpSync.Engine.Localization;

/// <summary>
/// Every user-facing text is written in English and Dutch side by side at the place it is used
/// (see docs/adr/0004-bilingual-texts.md); the current UI culture picks one.
/// </summary>
public static class Text
{
    public static bool IsDutch => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "nl";

    public static string CultureName => IsDutch ? "nl" : "en";

    public static string T(string english, string dutch) => IsDutch ? dutch : english;
}
