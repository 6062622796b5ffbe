namespace EHalsostodet.Core.Content;

/// <summary>Swedish labels and URL keys for the fixed vocabularies.</summary>
public static class Labels
{
    public static string Label(this OperationalArea value) => value switch
    {
        OperationalArea.ElderlyCare => "Äldreomsorg",
        OperationalArea.IndividualAndFamilyCare => "Individ- och familjeomsorg",
        OperationalArea.DisabilitySupport => "Funktionsnedsättning",
        OperationalArea.MunicipalHealthCare => "Kommunal hälso- och sjukvård",
        _ => value.ToString(),
    };

    public static string Label(this Outcome value) => value switch
    {
        Outcome.Successful => "Lyckat",
        Outcome.PartlySuccessful => "Delvis lyckat",
        Outcome.LessSuccessful => "Mindre lyckat",
        _ => value.ToString(),
    };

    public static string Label(this BenefitTarget value) => value switch
    {
        BenefitTarget.Individual => "Individ och brukare",
        BenefitTarget.Staff => "Medarbetare",
        BenefitTarget.Organisation => "Verksamhet",
        BenefitTarget.Society => "Samhälle",
        _ => value.ToString(),
    };

    public static string Label(this ProcessStepKind value) => value switch
    {
        ProcessStepKind.Identify => "Identifiera",
        ProcessStepKind.Investigate => "Undersöka",
        ProcessStepKind.Test => "Testa",
        ProcessStepKind.Implement => "Införa",
        ProcessStepKind.Manage => "Förvalta",
        _ => value.ToString(),
    };

    public static string Label(this InitiativeSector value) => value switch
    {
        InitiativeSector.SocialServices => "Socialtjänst",
        InitiativeSector.MunicipalHealthCare => "Kommunal hälso- och sjukvård",
        InitiativeSector.HealthCare => "Hälso- och sjukvård",
        _ => value.ToString(),
    };

    public static string Label(this TargetGroup value) => value switch
    {
        TargetGroup.DecisionMakers => "Beslutsfattare",
        TargetGroup.Educators => "Utbildare",
        TargetGroup.DevelopmentAndQuality => "Verksamhets- och kvalitetsutvecklare",
        TargetGroup.ItSuppliers => "IT-/systemleverantörer och systemutvecklare",
        TargetGroup.RegistryData => "De som arbetar med registerdata",
        TargetGroup.Professionals => "Professionen",
        TargetGroup.PatientsAndRelatives => "Patienter, brukare, anhöriga och individer",
        _ => value.ToString(),
    };

    public static string Label(this InitiativeSubArea value) => value switch
    {
        InitiativeSubArea.EHealthGeneral => "E-hälsa övrigt",
        InitiativeSubArea.ConsistentTerminology => "Enhetligare begreppsanvändning",
        InitiativeSubArea.Standards => "Standarder",
        InitiativeSubArea.Regulation => "Regelverk",
        _ => value.ToString(),
    };

    public static string Label(this InitiativeFormat value) => value switch
    {
        InitiativeFormat.WebCourse => "Webbutbildning",
        InitiativeFormat.Film => "Film",
        InitiativeFormat.Faq => "Frågor och svar (FAQ)",
        InitiativeFormat.Guidance => "Vägledning",
        InitiativeFormat.Report => "Rapport",
        InitiativeFormat.DigitalTool => "Digitalt verktyg",
        InitiativeFormat.Programme => "Utbildningsprogram",
        _ => value.ToString(),
    };

    public static string Label(this InitiativeArea value) => value switch
    {
        InitiativeArea.Automation => "Automatisering",
        InitiativeArea.InformationSecurity => "Informationssäkerhet",
        InitiativeArea.Benefit => "Nytta",
        InitiativeArea.Law => "Juridik",
        InitiativeArea.Collaboration => "Område/samverkan",
        InitiativeArea.Procurement => "Upphandling",
        InitiativeArea.OrganisationalDevelopment => "Verksamhetsutveckling",
        InitiativeArea.WelfareTechnology => "Välfärdsteknik",
        _ => value.ToString(),
    };

    /// <summary>The Swedish URL key of a label, e.g. "Område/samverkan" → "omrade-samverkan".</summary>
    public static string UrlKey(this InitiativeArea value) => Slugs.FromText(value.Label());
}
