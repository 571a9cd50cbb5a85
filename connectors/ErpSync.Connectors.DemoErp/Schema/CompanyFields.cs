namespace ErpSync.Connectors.DemoErp;

/// <summary>Fields of customers, suppliers and partners; keys follow the CRM's auto-mapping names where one exists.</summary>
internal static class CompanyFields
{
    public static FieldSpec[] For(bool withCategory)
    {
        FieldSpec[] fields =
        [
            new("NAME", FieldType.Text, "Name", "Naam", "The registered company name.", "De statutaire bedrijfsnaam.", 100, FieldAccess.Mandatory),
            new("NUMBER1", FieldType.Text, "Account number", "Relatienummer", "Assigned by the ERP on create; never changes.", "Door het ERP toegekend bij aanmaken; wijzigt nooit.", 20, FieldAccess.ReadOnly, IsKey: true),
            new("DEPARTMENT", FieldType.Text, "Department", "Afdeling", "Department or branch the account belongs to.", "Afdeling of vestiging van de relatie.", 50),
            new("VATNO", FieldType.Text, "VAT number", "Btw-nummer", "VAT identification number including the country prefix.", "Btw-identificatienummer inclusief landcode.", 20),
            new("PHONE", FieldType.Text, "Phone", "Telefoon", "Main phone number in international form (+31…).", "Hoofdnummer in internationale notatie (+31…).", 30),
            new("EMAIL", FieldType.Text, "Email", "E-mail", "General email address.", "Algemeen e-mailadres.", 100),
            new("URL", FieldType.Text, "Website", "Website", "Web site address.", "Adres van de website.", 100),
            new("STREETAD1", FieldType.Text, "Visiting address", "Bezoekadres", "Street and house number of the visiting address.", "Straat en huisnummer van het bezoekadres.", 100),
            new("STREETZIP", FieldType.Text, "Visiting postcode", "Postcode bezoekadres", "Postcode of the visiting address.", "Postcode van het bezoekadres.", 10),
            new("STREETCITY", FieldType.Text, "Visiting city", "Plaats bezoekadres", "City of the visiting address.", "Plaats van het bezoekadres.", 50),
            new("POSTALAD1", FieldType.Text, "Postal address", "Postadres", "Street or PO box for mail.", "Straat of postbus voor post.", 100),
            new("POSTALZIP", FieldType.Text, "Postal postcode", "Postcode postadres", "Postcode of the postal address.", "Postcode van het postadres.", 10),
            new("POSTALCITY", FieldType.Text, "Postal city", "Plaats postadres", "City of the postal address.", "Plaats van het postadres.", 50),
            new("COUNTRY", FieldType.List, "Country", "Land", "Country of the account (ISO code).", "Land van de relatie (ISO-code).", ListName: "countries"),
            new("CURRENCY", FieldType.List, "Currency", "Valuta", "Currency invoices are made out in.", "Valuta waarin gefactureerd wordt.", ListName: "currencies"),
            new("PAYMENTTERM", FieldType.List, "Payment term", "Betalingstermijn", "Agreed payment term.", "Afgesproken betalingstermijn.", ListName: "paymentterms"),
            new("CATEGORY", FieldType.List, "Category", "Categorie", "Market segment of the customer.", "Marktsegment van de klant.", ListName: "customercategories"),
            new("CREDITLIMIT", FieldType.Decimal, "Credit limit", "Kredietlimiet", "Maximum open balance allowed, in the account currency.", "Maximaal toegestaan openstaand saldo, in de valuta van de relatie.", 0),
            new("BLOCKED", FieldType.Checkbox, "Blocked", "Geblokkeerd", "Blocked accounts cannot receive new orders or invoices.", "Op geblokkeerde relaties kunnen geen orders of facturen worden geboekt.", 0),
            new("BALANCE", FieldType.Decimal, "Open balance", "Openstaand saldo", "Computed by the ERP from open invoices.", "Door het ERP berekend uit openstaande facturen.", 0, FieldAccess.ReadOnly),
            new("CUSTOMERSINCE", FieldType.Date, "Relation since", "Relatie sinds", "Date the business relation started.", "Datum waarop de zakelijke relatie begon.", 0),
        ];
        return withCategory ? fields : fields.Where(f => f.Key != "CATEGORY").ToArray();
    }
}
