using ErpSync.Engine.Connections;
using ErpSync.Engine.Mapping;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Server.Features.Mapping;

/// <summary>Names of mapping concepts as the dialogs show them.</summary>
internal static class MappingTexts
{
    public static string Direction(FieldDirection direction) => direction switch
    {
        FieldDirection.ToCrm => T("ERP → CRM", "ERP → CRM"),
        FieldDirection.ToErp => T("CRM → ERP", "CRM → ERP"),
        FieldDirection.Both => T("Both ways", "Beide richtingen"),
        _ => T("No sync", "Niet synchroniseren"),
    };

    public static string Policy(ConflictPolicy policy) => policy switch
    {
        ConflictPolicy.CrmWins => T("CRM wins", "CRM wint"),
        ConflictPolicy.ErpWins => T("ERP wins", "ERP wint"),
        ConflictPolicy.Review => T("Review by admin", "Beoordeling door beheerder"),
        _ => T("Newest change wins", "Nieuwste wijziging wint"),
    };

    public static string Entity(CrmEntity entity) => entity switch
    {
        CrmEntity.Company => T("company", "bedrijf"),
        CrmEntity.Person => T("person", "persoon"),
        _ => T("project", "project"),
    };

    public static string LockedNotice => T(
        "The connection is active, so this opens read-only. Clear Active to change it.",
        "De verbinding is actief, dus dit venster is alleen-lezen. Schakel Actief uit om te wijzigen.");
}
