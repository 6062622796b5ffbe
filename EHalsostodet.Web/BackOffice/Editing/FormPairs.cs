using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>
/// An editor form as the browser sends it: field name → values, in the names the form models bind
/// ("roles.actors[0].name"). This is what a draft keeps, so a draft comes back exactly as typed,
/// invalid numbers and empty rows included.
/// </summary>
public sealed class FormPairs
{
    /// <summary>Fields that belong to the request, not to what was typed.</summary>
    private static readonly HashSet<string> Technical = new(StringComparer.OrdinalIgnoreCase)
    {
        "__RequestVerificationToken", "editorAction", "baseVersionId", DraftOwnerTokens.FieldName,
    };

    // Stored, never sent to a page: Swedish letters are kept as they are.
    private static readonly JsonSerializerOptions StoredJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<string, string[]> fields;

    private FormPairs(Dictionary<string, string[]> fields) => this.fields = fields;

    public static FormPairs FromForm(IFormCollection form) =>
        new(form.Where(f => !Technical.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal));

    /// <summary>A form model's fields by the names the model binder reads, e.g. after a merge made a new document.</summary>
    public static FormPairs FromModel(IContentForm form, string changeNote)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Flatten(form, "", fields);
        fields["changeNote"] = [changeNote];
        return new FormPairs(fields);
    }

    public static FormPairs FromJson(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, string[]>>(json) ?? []);

    public string ToJson() => JsonSerializer.Serialize(fields, StoredJson);

    public string ChangeNote => fields.TryGetValue("changeNote", out var values) && values.Length > 0 ? values[0] : "";

    /// <summary>For <c>TryUpdateModelAsync</c>: the fields as if they had just been posted.</summary>
    public IValueProvider ValueProvider() =>
        new FormValueProvider(BindingSource.Form,
            new FormCollection(fields.ToDictionary(f => f.Key, f => new StringValues(f.Value), StringComparer.OrdinalIgnoreCase)),
            CultureInfo.CurrentCulture);

    private static void Flatten(object? value, string path, Dictionary<string, string[]> fields)
    {
        switch (value)
        {
            case null:
                return;
            case string or bool or Guid or Enum or int:
                fields[path] = [Scalar(value)];
                return;
            case IList list when IsScalarList(list.GetType()):
                fields[path] = list.Cast<object>().Select(Scalar).ToArray();
                return;
            case IList list:
                for (var i = 0; i < list.Count; i++)
                {
                    Flatten(list[i], $"{path}[{i}]", fields);
                }
                return;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            Flatten(property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", fields);
        }
    }

    private static bool IsScalarList(Type listType) =>
        listType.IsGenericType && listType.GetGenericArguments()[0] is var element && (element == typeof(Guid) || element.IsEnum || element == typeof(string));

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
