using ErpSync.Connectors;
using ErpSync.Engine.Connections;
using static ErpSync.Engine.Localization.Text;

namespace ErpSync.Engine.Mapping;

/// <summary>Pure checks of what an administrator sets in the Mappings and Defaults dialogs.</summary>
public static class MappingRules
{
    /// <summary>The problem with mapping <paramref name="erp"/> as <paramref name="input"/> says, or null when it is valid.</summary>
    public static string? Check(CrmEntity entity, FieldInfo erp, FieldMappingInput input)
    {
        if ((input.ShowInSearch || input.ShowInErpTab) && erp.Type is FieldType.Password or FieldType.Label)
        {
            return T($"{erp.DisplayName} is never shown to users.", $"{erp.DisplayName} wordt nooit aan gebruikers getoond.");
        }

        if (input.CrmField is null)
        {
            return input.Direction != FieldDirection.None
                ? T($"{erp.DisplayName}: choose a CRM field before a direction.", $"{erp.DisplayName}: kies een CRM-veld voordat u een richting kiest.")
                : null;
        }

        if (CrmFieldCatalog.Find(entity, input.CrmField) is not { } crm)
        {
            return T($"{erp.DisplayName}: \"{input.CrmField}\" is not a field of the CRM {entity}.", $"{erp.DisplayName}: \"{input.CrmField}\" is geen veld van het CRM-{entity}.");
        }

        var compatibility = FieldCompatibility.Check(erp, crm);
        if (!compatibility.CanMap)
        {
            return $"{erp.DisplayName} → {crm.DisplayName}: {compatibility.Reason}";
        }

        if (!compatibility.Allows(input.Direction))
        {
            return $"{erp.DisplayName} → {crm.DisplayName}: {compatibility.Reason}";
        }

        if (input.Direction != FieldDirection.None && input.ShowInErpTab)
        {
            return T($"{erp.DisplayName}: a synced field is not also shown on the ERP tab; choose one.", $"{erp.DisplayName}: een gesynchroniseerd veld wordt niet ook op het ERP-tabblad getoond; kies één van beide.");
        }

        return input.ConflictPolicy is not null && input.Direction != FieldDirection.Both
            ? T($"{erp.DisplayName}: a conflict policy only applies to fields synced both ways.", $"{erp.DisplayName}: een conflictregel geldt alleen voor velden die in beide richtingen worden gesynchroniseerd.")
            : null;
    }

    /// <summary>
    /// The problem with a default (functional-spec §3.9, B36–B37), or null. <paramref name="value"/> is the parsed
    /// value; <paramref name="listKeys"/> the connector's item keys for list fields.
    /// </summary>
    public static string? CheckDefault(FieldInfo erp, DefaultInput input, FieldValue? value, bool valueParsed, IReadOnlySet<string>? listKeys)
    {
        if (erp.IsReadOnly || erp.IsKey || erp.Type is FieldType.Label or FieldType.Password)
        {
            return T($"{erp.DisplayName} cannot have a default: ErpSync never writes it.", $"{erp.DisplayName} kan geen standaardwaarde hebben: ErpSync schrijft dit veld nooit.");
        }

        if (erp.IsMandatory && !input.Mandatory)
        {
            return T($"{erp.DisplayName} is mandatory in the ERP, so its default stays mandatory.", $"{erp.DisplayName} is verplicht in het ERP, dus de standaardwaarde blijft verplicht.");
        }

        if (input.Mandatory && !input.HasValue && !input.AskUser)
        {
            return T("A mandatory default needs a default value or \"Ask user for value\".", "Een verplichte standaardwaarde heeft een standaardwaarde of \"Gebruiker om waarde vragen\" nodig.");
        }

        if (!input.HasValue && !input.AskUser && !input.Mandatory)
        {
            return T("Choose at least one option.", "Kies ten minste één optie.");
        }

        if (!input.HasValue)
        {
            return null;
        }

        if (!valueParsed || FieldValues.IsEmpty(value))
        {
            return T($"Enter a valid default value for {erp.DisplayName}.", $"Voer een geldige standaardwaarde in voor {erp.DisplayName}.");
        }

        if (erp.MaxLength > 0 && value is TextValue text && text.Value.Length > erp.MaxLength)
        {
            return T($"The default can be at most {erp.MaxLength} characters.", $"De standaardwaarde mag hoogstens {erp.MaxLength} tekens lang zijn.");
        }

        return value is ListValue list && listKeys is not null && !listKeys.Contains(list.Key)
            ? T($"\"{list.Key}\" is not an item of the ERP list.", $"\"{list.Key}\" is geen item van de ERP-lijst.")
            : null;
    }
}
