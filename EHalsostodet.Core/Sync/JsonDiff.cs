using System.Text.Json.Nodes;

namespace EHalsostodet.Core.Sync;

/// <summary>The paths of the fields that differ between two JSON documents.</summary>
public static class JsonDiff
{
    public static IReadOnlyList<string> ChangedPaths(JsonNode? before, JsonNode? after)
    {
        var paths = new List<string>();
        Compare(before, after, "", paths);
        return paths;
    }

    private static void Compare(JsonNode? before, JsonNode? after, string path, List<string> paths)
    {
        if (before is JsonObject a && after is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
            {
                Compare(a[key], b[key], path.Length == 0 ? key : $"{path}.{key}", paths);
            }
        }
        else if (before is JsonArray x && after is JsonArray y && x.Count == y.Count)
        {
            for (var i = 0; i < x.Count; i++)
            {
                Compare(x[i], y[i], $"{path}[{i}]", paths);
            }
        }
        else if (!JsonNode.DeepEquals(before, after))
        {
            paths.Add(path);
        }
    }
}
