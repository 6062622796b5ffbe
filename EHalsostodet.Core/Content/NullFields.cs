using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace EHalsostodet.Core.Content;

/// <summary>A null where the document may not hold one, or (<see cref="NulCharacter"/>) text with the NUL character.</summary>
internal sealed record NullField(string Path, bool NulCharacter = false);

/// <summary>
/// Finds null where a document may not hold it: an entry of any list, or a field that is not
/// optional. JSON lets a client send <c>"actors": [null]</c>, and C#'s nullable annotations do not
/// reach list entries, so the serializer lets it through; every page that reads the document would
/// then fail. Text with the NUL character (<c>\u0000</c>) is found too: no database keeps it well.
/// Paths are the document's JSON paths, e.g. <c>roles.actors[0]</c>.
/// </summary>
internal static class NullFields
{
    private sealed record Field(string Name, PropertyInfo Property, bool Optional);

    private static readonly ConcurrentDictionary<Type, Field[]> FieldsByType = new();

    public static IReadOnlyList<NullField> In(IContentDocument document)
    {
        var found = new List<NullField>();
        Walk(document, "", found);
        return found;
    }

    private static void Walk(object record, string path, List<NullField> found)
    {
        foreach (var field in FieldsByType.GetOrAdd(record.GetType(), FieldsOf))
        {
            var fieldPath = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            var value = field.Property.GetValue(record);
            if (value is null)
            {
                if (!field.Optional)
                {
                    found.Add(new(fieldPath));
                }
                continue;
            }
            Visit(value, fieldPath, found);
        }
    }

    private static void Visit(object value, string path, List<NullField> found)
    {
        switch (value)
        {
            case string text:
                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    found.Add(new(path, NulCharacter: true));
                }
                return;
            case IEnumerable list:
                var index = 0;
                foreach (var entry in list)
                {
                    var entryPath = $"{path}[{index++}]";
                    if (entry is null)
                    {
                        found.Add(new(entryPath));
                    }
                    else
                    {
                        Visit(entry, entryPath, found);
                    }
                }
                return;
            default:
                if (IsDocumentPart(value.GetType()))
                {
                    Walk(value, path, found);
                }
                return;
        }
    }

    /// <summary>The records a document is made of (sections, actors, steps …), not Guids, enums or numbers.</summary>
    private static bool IsDocumentPart(Type type) => type.IsClass && type.Namespace == typeof(NullFields).Namespace;

    private static Field[] FieldsOf(Type type)
    {
        var nullability = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => new Field(
                JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                p,
                p.PropertyType.IsValueType || nullability.Create(p).ReadState == NullabilityState.Nullable))
            .ToArray();
    }
}
