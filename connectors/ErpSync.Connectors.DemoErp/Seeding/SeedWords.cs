namespace ErpSync.Connectors.DemoErp;

/// <summary>Trades, job titles and project names per language, so seeded data reads like a real customer base.</summary>
internal static class SeedWords
{
    public static string[] Activities(string language) => language switch
    {
        "nl" => ["Installatietechniek", "Bouw", "Transport", "Metaalbewerking", "Kantoorinrichting", "Groothandel", "Automatisering", "Bakkerij",
            "Drukkerij", "Schilderwerken", "Elektrotechniek", "Logistiek", "Verpakkingen", "Tuinbouw", "Adviesgroep", "Zorggroep", "Techniek"],
        "de" => ["Maschinenbau", "Logistik", "Elektrotechnik", "Holzbau", "Verpackungen", "Feinmechanik", "Druckerei", "Systemhaus",
            "Bauunternehmung", "Handelsgesellschaft", "Metallbau", "Haustechnik", "Medizintechnik", "Beratung"],
        "fr" => ["Transports", "Menuiserie", "Électricité", "Imprimerie", "Logistique", "Bâtiment", "Conseil", "Emballages"],
        _ => ["Logistics", "Engineering", "Trading", "Packaging", "Systems", "Construction", "Consulting", "Foods", "Electronics", "Print"],
    };

    public static string[] Positions(string language) => language switch
    {
        "nl" => ["Directeur", "Inkoper", "Financieel manager", "Office manager", "Hoofd logistiek", "Verkoopmanager", "Projectleider", "Crediteurenadministratie"],
        "de" => ["Geschäftsführer", "Einkäufer", "Leiter Finanzen", "Büroleiterin", "Leiter Logistik", "Vertriebsleiter", "Projektleiter", "Buchhaltung"],
        "fr" => ["Directeur général", "Acheteur", "Directrice financière", "Responsable logistique", "Chef de projet", "Comptable"],
        _ => ["Managing Director", "Purchasing Manager", "Finance Manager", "Office Manager", "Head of Logistics", "Sales Manager", "Project Manager", "Accounts Payable"],
    };

    public static string PostBox(string language) => language switch
    {
        "nl" => "Postbus",
        "de" => "Postfach",
        "fr" => "BP",
        _ => "PO Box",
    };

    public static string[] Titles(string language) => language switch
    {
        "nl" => ["ir.", "drs.", "mr.", "ing.", "dr."],
        "de" => ["Dr.", "Dipl.-Ing.", "Prof. Dr."],
        _ => ["Dr."],
    };

    /// <summary>Project names and descriptions of each administration, in its language.</summary>
    public static (string Name, string Text)[] Projects(string language) => language switch
    {
        "de" => [
            ("Neubau Lager Köln-Niehl", "Bau und Einrichtung eines neuen Hochregallagers."),
            ("ERP-Migration 2026", "Umstellung der Warenwirtschaft auf das neue ERP-System."),
            ("Filiale Düsseldorf", "Eröffnung der neuen Verkaufsfiliale in Düsseldorf."),
            ("Webshop Relaunch", "Neugestaltung des B2B-Webshops mit Kundenportal."),
            ("Energieeffizienz Halle 3", "LED-Beleuchtung und Wärmepumpe für Halle 3."),
            ("Messe Hannover 2026", "Planung und Standbau für die Hannover Messe."),
            ("Fuhrpark Elektrifizierung", "Umstieg der Lieferwagen auf Elektrofahrzeuge."),
            ("ISO 9001 Rezertifizierung", "Vorbereitung des Rezertifizierungsaudits."),
            ("Verpackungsreduktion", "Weniger Kunststoff in Versandverpackungen."),
            ("Kundenzufriedenheit 2026", "Jährliche Kundenbefragung und Auswertung."),
        ],
        _ => [
            ("Nieuwbouw magazijn Nieuwegein", "Bouw en inrichting van een nieuw distributiecentrum."),
            ("Implementatie nieuw ERP", "Overstap van de orderverwerking naar het nieuwe ERP-systeem."),
            ("Vestiging Amersfoort", "Opening van een nieuwe verkoopvestiging in Amersfoort."),
            ("Vernieuwing webshop", "Nieuwe B2B-webshop met klantportaal."),
            ("Verduurzaming hal 2", "Zonnepanelen en ledverlichting voor hal 2."),
            ("Beurs Vakbeurs Logistiek 2026", "Voorbereiding en standbouw voor de vakbeurs."),
            ("Elektrificatie wagenpark", "Vervanging van de bestelbussen door elektrische."),
            ("ISO 9001 hercertificering", "Voorbereiding op de hercertificeringsaudit."),
            ("Minder verpakkingsafval", "Minder plastic in verzendverpakkingen."),
            ("Klanttevredenheid 2026", "Jaarlijks klanttevredenheidsonderzoek."),
        ],
    };
}
