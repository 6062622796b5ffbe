namespace EHalsostodet.Core.Sync;

/// <summary>An import plan as the Swedish lines the command line and the back office show.</summary>
public static class SyncReport
{
    public static string Describe(SyncPlanEntry entry) => entry.Action switch
    {
        SyncAction.Update => $"uppdateras (fält: {string.Join(", ", entry.ChangedFields)})",
        _ => entry.ActionLabel,
    } + entry.PublishingLabel;

    public static IEnumerable<string> Lines(SyncPlan plan)
    {
        foreach (var entry in plan.Entries)
        {
            yield return $"{entry.File.RelativePath}: {Describe(entry)}";
        }
        foreach (var synonym in plan.Synonyms)
        {
            yield return $"{SyncFolder.SynonymsFile}:{synonym.Line}: ”{synonym.Words}” {synonym.Describe}";
        }
        foreach (var problem in plan.Problems)
        {
            yield return problem.ToString();
        }
        yield return Summary(plan);
    }

    public static string Summary(SyncPlan plan) =>
        $"{plan.Count(SyncAction.Create)} skapas, {plan.Count(SyncAction.Update)} uppdateras, {plan.Count(SyncAction.Unchanged)} oförändrade, "
        + $"{plan.MunicipalitiesChanged} kommuner, {plan.TagsAdded} taggar och {plan.SynonymsChanged} synonymgrupper nya eller ändrade, {plan.Problems.Count} problem.";
}
