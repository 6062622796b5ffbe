using EHalsostodet.Core.Content;
using EHalsostodet.Core.Taxonomy;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EHalsostodet.Core.Sync;

/// <summary>The layout of a uSync folder: where each kind of file lives.</summary>
public static class SyncFolder
{
    public static string ContentFolder(ContentType type) => type switch
    {
        ContentType.Story => "content/stories",
        ContentType.Collection => "content/collections",
        ContentType.Initiative => "content/initiatives",
        ContentType.Page => "content/pages",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public const string MunicipalitiesFile = "taxonomies/municipalities.yml";
    public const string ExampleMunicipalitiesFile = "taxonomies/example-municipalities.yml";
    public const string TagsFile = "taxonomies/tags.yml";
    public const string SynonymsFile = "search/synonyms.yml";

    /// <summary>Reads the tag file, a list of {name, slug}; a folder without one has no tags to add.</summary>
    public static IReadOnlyList<TagRecord> ReadTags(string root, List<SyncProblem> problems)
    {
        var path = Path.Combine(root, TagsFile);
        if (!File.Exists(path))
        {
            return [];
        }
        var result = new List<TagRecord>();
        if (SyncYaml.ReadFile(root, TagsFile, problems) is not { } text)
        {
            return [];
        }
        try
        {
            var stream = SyncYaml.Load(text);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode list)
            {
                problems.Add(new(TagsFile, 1, "Filen ska vara en lista med taggar."));
                return [];
            }
            foreach (var entry in list.Children)
            {
                string Value(string key) => entry is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? (s.Value ?? "").Trim() : "";
                var record = new TagRecord(Value("name"), Value("slug"));
                if (record.Name.Length == 0 || record.Slug.Length == 0 || Slugs.FromText(record.Slug) != record.Slug)
                {
                    problems.Add(new(TagsFile, (int)entry.Start.Line, "Varje tagg ska ha name och ett giltigt slug."));
                    continue;
                }
                result.Add(record);
            }
        }
        catch (YamlException e)
        {
            problems.Add(new(TagsFile, Math.Max(1, (int)e.Start.Line), SyncYaml.Describe(e)));
        }
        return result;
    }

    /// <summary>The content files under a folder, as paths relative to it with forward slashes.</summary>
    public static IEnumerable<string> ContentFiles(string root) =>
        Enum.GetValues<ContentType>()
            .Select(t => Path.Combine(root, ContentFolder(t)))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.yml").Order(StringComparer.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'));

    /// <summary>Reads a municipality file; problems carry the file's path and line.</summary>
    public static IReadOnlyList<MunicipalityRecord> ReadMunicipalities(string root, string relativePath, bool isExample, List<SyncProblem> problems)
    {
        var path = Path.Combine(root, relativePath);
        if (!File.Exists(path))
        {
            return [];
        }
        var result = new List<MunicipalityRecord>();
        if (SyncYaml.ReadFile(root, relativePath, problems) is not { } text)
        {
            return [];
        }
        try
        {
            var stream = SyncYaml.Load(text);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode list)
            {
                problems.Add(new(relativePath, 1, "Filen ska vara en lista med kommuner."));
                return [];
            }
            foreach (var entry in list.Children)
            {
                var line = (int)entry.Start.Line;
                if (entry is not YamlMappingNode map)
                {
                    problems.Add(new(relativePath, line, "Varje kommun ska ha code, name, county och group."));
                    continue;
                }
                string Value(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value ?? "" : "";
                var record = new MunicipalityRecord(Value("code"), Value("name"), Value("county"), Value("group"), isExample);
                if (record.Code.Length == 0 || record.Name.Length == 0 || record.County.Length == 0)
                {
                    problems.Add(new(relativePath, line, "Kommunen saknar code, name eller county."));
                }
                else if (!MunicipalityGroups.Labels.ContainsKey(record.Group))
                {
                    problems.Add(new(relativePath, line, $"Okänd kommungrupp \"{record.Group}\" för {record.Name}."));
                }
                else
                {
                    result.Add(record);
                }
            }
        }
        catch (YamlException e)
        {
            problems.Add(new(relativePath, Math.Max(1, (int)e.Start.Line), SyncYaml.Describe(e)));
        }
        return result;
    }
}
