namespace EHalsostodet.Core.Publishing;

/// <summary>The facet names stored in the read model.</summary>
public static class FacetNames
{
    public const string Tag = "tag";
    public const string OperationalArea = "operationalArea";
    public const string Outcome = "outcome";
    public const string Municipality = "municipality";
    public const string County = "county";
    public const string MunicipalityGroup = "municipalityGroup";
    public const string ProcessStep = "processStep";
    public const string BenefitTarget = "benefitTarget";
    public const string InitiativeArea = "initiativeArea";
    public const string TargetGroup = "targetGroup";
    public const string SubArea = "subArea";
    public const string Organisation = "organisation";
    public const string Sector = "sector";
    public const string Format = "format";
}
