using System.Text.Json.Serialization;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Crm;

/// <summary>
/// The lawful basis (GDPR art. 6) on which a person's data is kept for the purpose "Sales and service" — the one
/// privacy purpose this CRM records, set by hand on the person or by an import (functional-spec §3.14 "Privacy").
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<LegalBasis>))]
public enum LegalBasis
{
    None = 0,
    Consent = 1,
    Contract = 2,
    LegalObligation = 3,
    VitalInterests = 4,
    PublicTask = 5,
    LegitimateInterest = 6,
}

public static class Privacy
{
    /// <summary>What "use default" means in the import settings: B2B sales contacts are usually kept on legitimate interest.</summary>
    public const LegalBasis DefaultBasis = LegalBasis.LegitimateInterest;

    /// <summary>The consent source an import records unless the administrator names another.</summary>
    public const string ImportSource = "Import";

    public const int SourceMaxLength = 100;

    public static string Name(LegalBasis basis) => basis switch
    {
        LegalBasis.Consent => T("Consent", "Toestemming"),
        LegalBasis.Contract => T("Contract", "Overeenkomst"),
        LegalBasis.LegalObligation => T("Legal obligation", "Wettelijke verplichting"),
        LegalBasis.VitalInterests => T("Vital interests", "Vitaal belang"),
        LegalBasis.PublicTask => T("Public task", "Taak van algemeen belang"),
        LegalBasis.LegitimateInterest => T("Legitimate interest", "Gerechtvaardigd belang"),
        _ => T("Not recorded", "Niet vastgelegd"),
    };
}
