using System.Text.Json.Nodes;
using EHalsostodet.Core.Search.Tuning;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EHalsostodet.Core.Sync;

/// <summary>A synonym group as the synonym file gives it, with the line it is on.</summary>
public sealed record SynonymRecord(int Line, ParsedSynonymGroup Group);

/// <summary>
/// The search synonyms as a uSync file, <see cref="SyncFolder.SynonymsFile"/>: a YAML list with one
/// group per line, its words separated by commas. A group in the file replaces the group in the
/// database that shares a word with it (several such groups become one); groups the file does not
/// mention stay as they are, as content that is not in the files does.
/// </summary>
public static class SyncSynonyms
{
    private const string Header =
        "# Synonymer för sökningen: en grupp per rad, orden åtskilda med kommatecken.\n"
        + "# En sökning på ett av orden hittar också det som de andra orden hittar. Ett ord kan bara\n"
        + "# finnas i en grupp. Redaktörer ändrar grupperna på /redaktion/sokning.\n"
        + "\n";

    /// <summary>Reads the synonym file; a folder without one has no synonyms to import.</summary>
    public static IReadOnlyList<SynonymRecord> Read(string root, List<SyncProblem> problems)
    {
        var path = Path.Combine(root, SyncFolder.SynonymsFile);
        if (!File.Exists(path))
        {
            return [];
        }
        const string file = SyncFolder.SynonymsFile;
        var result = new List<SynonymRecord>();
        if (SyncYaml.ReadFile(root, file, problems) is not { } text)
        {
            return [];
        }
        try
        {
            var stream = SyncYaml.Load(text);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                return [];
            }
            if (stream.Documents[0].RootNode is not YamlSequenceNode list)
            {
                problems.Add(new(file, (int)stream.Documents[0].RootNode.Start.Line, "Filen ska vara en lista med en synonymgrupp per rad, till exempel ”- robot, automat”."));
                return [];
            }
            foreach (var entry in list.Children)
            {
                var line = (int)entry.Start.Line;
                if (entry is not YamlScalarNode scalar)
                {
                    problems.Add(new(file, line, "En synonymgrupp ska stå på en rad, med orden åtskilda med kommatecken."));
                    continue;
                }
                var group = SynonymGroupRules.Parse(scalar.Value);
                if (!group.IsValid)
                {
                    problems.Add(new(file, line, group.Error!));
                    continue;
                }
                var earlier = SynonymGroupRules.Conflicts(group.Words, result, r => r.Group.Text).FirstOrDefault();
                if (earlier.Group is { } other)
                {
                    problems.Add(new(file, line, $"”{earlier.Word}” finns också i gruppen på rad {other.Line}. Ett ord kan bara finnas i en grupp."));
                    continue;
                }
                result.Add(new SynonymRecord(line, group));
            }
        }
        catch (YamlException e)
        {
            problems.Add(new(file, Math.Max(1, (int)e.Start.Line), SyncYaml.Describe(e)));
        }
        return result;
    }

    /// <summary>What importing the file's groups would do to the groups in the database.</summary>
    public static IReadOnlyList<SynonymPlanEntry> Plan(IReadOnlyList<SynonymRecord> records, IReadOnlyList<SearchSynonym> existing)
    {
        var keyed = existing.OrderBy(e => e.Id)
            .Select(e => (Group: e, Keys: SearchTuning.SynonymWords(e.Words).Select(SynonymGroupRules.KeyOf).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        var claimed = new HashSet<int>();
        var entries = new List<SynonymPlanEntry>();
        foreach (var record in records)
        {
            var keys = record.Group.Words.Select(SynonymGroupRules.KeyOf).ToHashSet(StringComparer.Ordinal);
            var overlapping = keyed.Where(k => !claimed.Contains(k.Group.Id) && k.Keys.Overlaps(keys)).Select(k => k.Group).ToList();
            claimed.UnionWith(overlapping.Select(o => o.Id));
            var action = overlapping.Count switch
            {
                0 => SyncAction.Create,
                1 when overlapping[0].Words == record.Group.Text => SyncAction.Unchanged,
                _ => SyncAction.Update,
            };
            entries.Add(new SynonymPlanEntry(record.Line, record.Group.Text, action, overlapping.Select(o => new SynonymGroupRef(o.Id, o.Words)).ToList()));
        }
        return entries;
    }

    /// <summary>The groups as the synonym file, in the order given.</summary>
    public static string Write(IEnumerable<string> groups) =>
        Header + SyncYamlWriter.Write(new JsonArray(groups.Select(g => (JsonNode)JsonValue.Create(g)).ToArray()));
}
