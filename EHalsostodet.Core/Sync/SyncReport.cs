using EHalsostodet.Core.Wording;

namespace EHalsostodet.Core.Sync;

/// <summary>An import plan as the Swedish lines the command line and the back office show.</summary>
public static class SyncReport
{
    public static string Describe(SyncPlanEntry entry) => entry.ActionLabel + entry.PublishingLabel;

    /// <summary>A value of a change as the report shows it.</summary>
    public static string Shown(string? value) => value is null ? "(tomt)" : $"”{value}”";

    /// <summary>One line per changed field: its Swedish name, its value now and in the file.</summary>
    public static string Describe(SyncChange change) => $"{change.Field}: {Shown(change.Before)} → {Shown(change.After)}";

    public static string Describe(TagConflict conflict, bool overwrites) => overwrites
        ? $"”{conflict.Tag.Name}” läggs till igen, fast taggen har bytt namn till eller slagits ihop med ”{conflict.CurrentName}” sedan filen togs fram; /taggar/{conflict.Tag.Slug} leder inte längre dit"
        : $"”{conflict.Tag.Name}” läggs inte till igen: taggen har bytt namn till eller slagits ihop med ”{conflict.CurrentName}” sedan filen togs fram";

    public static IEnumerable<string> Lines(SyncPlan plan)
    {
        foreach (var entry in plan.Entries)
        {
            yield return $"{entry.File.RelativePath}: {Describe(entry)}";
            if (entry.ChangedSince is { } changedSince)
            {
                yield return "  " + changedSince;
            }
            foreach (var change in entry.Changes)
            {
                yield return "  " + Describe(change);
            }
        }
        foreach (var conflict in plan.TagConflicts)
        {
            yield return $"{SyncFolder.TagsFile}: {Describe(conflict, plan.OverwritesChanged)}";
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
        + $"{plan.Conflicts} {(plan.Conflicts == 1 ? "konflikt" : "konflikter")} som lämnas som de är, "
        + $"{SwedishCount.Of(plan.MunicipalitiesChanged, "kommun", "kommuner")}, {SwedishCount.Of(plan.TagsAdded, "tagg", "taggar")} och "
        + $"{SwedishCount.Of(plan.SynonymsChanged, "synonymgrupp", "synonymgrupper")} nya eller ändrade, {plan.Problems.Count} problem.";
}
