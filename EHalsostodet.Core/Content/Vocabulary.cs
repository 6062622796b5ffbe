namespace EHalsostodet.Core.Content;

/// <summary>Verksamhetsområde of a municipal story.</summary>
public enum OperationalArea
{
    ElderlyCare,
    IndividualAndFamilyCare,
    DisabilitySupport,
    MunicipalHealthCare,
}

/// <summary>How well the introduction went, as the municipality judges it.</summary>
public enum Outcome
{
    Successful,
    PartlySuccessful,
    LessSuccessful,
}

/// <summary>Who a benefit effect is for.</summary>
public enum BenefitTarget
{
    Individual,
    Staff,
    Organisation,
    Society,
}

/// <summary>The five steps of the introduction process, in order.</summary>
public enum ProcessStepKind
{
    Identify,
    Investigate,
    Test,
    Implement,
    Manage,
}

/// <summary>Verksamhetsområde of a knowledge initiative (Bilaga 3).</summary>
public enum InitiativeSector
{
    SocialServices,
    MunicipalHealthCare,
    HealthCare,
}

/// <summary>Målgrupp of a knowledge initiative (Bilaga 3, numbered 1–7 there).</summary>
public enum TargetGroup
{
    DecisionMakers,
    Educators,
    DevelopmentAndQuality,
    ItSuppliers,
    RegistryData,
    Professionals,
    PatientsAndRelatives,
}

/// <summary>Delområde of a knowledge initiative (Bilaga 3).</summary>
public enum InitiativeSubArea
{
    EHealthGeneral,
    ConsistentTerminology,
    Standards,
    Regulation,
}

/// <summary>Område of a knowledge initiative, the filter on the initiative list.</summary>
public enum InitiativeArea
{
    Automation,
    InformationSecurity,
    Benefit,
    Law,
    Collaboration,
    Procurement,
    OrganisationalDevelopment,
    WelfareTechnology,
}

/// <summary>The form an initiative takes: the report's webbutbildningar, filmer, FAQ, vägledningar, rapporter and digitala stöd, and longer training programmes.</summary>
public enum InitiativeFormat
{
    WebCourse,
    Film,
    Faq,
    Guidance,
    Report,
    DigitalTool,
    Programme,
}
