namespace ErpSync.Connectors.DemoErp;

/// <summary>Fields of contact persons.</summary>
internal static class PersonFields
{
    public static readonly FieldSpec[] All =
    [
        new("FIRSTNAME", FieldType.Text, "First name", "Voornaam", "Given name.", "Voornaam.", 50),
        new("MIDDLENAME", FieldType.Text, "Middle name", "Tussenvoegsel", "Name prefix such as 'van' or 'de'.", "Tussenvoegsel zoals 'van' of 'de'.", 20),
        new("LASTNAME", FieldType.Text, "Last name", "Achternaam", "Family name.", "Achternaam.", 80, FieldAccess.Mandatory),
        new("TITLE", FieldType.Text, "Title", "Titel", "Academic or courtesy title (Dr., Ing., Mr.).", "Academische titel of aanspreektitel (dr., ing., mr.).", 20),
        new("POSITION", FieldType.Text, "Position", "Functie", "Job title at the company.", "Functie binnen het bedrijf.", 80),
        new("EMAIL", FieldType.Text, "Email", "E-mail", "Personal business email address.", "Zakelijk e-mailadres van de persoon.", 100),
        new("PHONE_DIRECT", FieldType.Text, "Direct phone", "Direct nummer", "Direct line in international form.", "Doorkiesnummer in internationale notatie.", 30),
        new("PHONE_MOBILE", FieldType.Text, "Mobile phone", "Mobiel nummer", "Mobile number in international form.", "Mobiel nummer in internationale notatie.", 30),
        new("BIRTHDATE", FieldType.Date, "Birth date", "Geboortedatum", "Date of birth.", "Geboortedatum.", 0),
    ];
}
