using System.Text.Json;
using EHalsostodet.Web.Members.Saving;
using Microsoft.AspNetCore.WebUtilities;

namespace EHalsostodet.Web.OutputCaching.PersonalParts;

/// <summary>
/// A part of a public page that differs per member (Spara, Följ, the account menu, "För dig"): the
/// partial view that renders it and its model. In a cached page it is marked by two HTML comments,
/// the first carrying the view and the model, so that a member's copy is made by rendering only these.
/// </summary>
public sealed record PersonalPart(string ViewPath, object? Model)
{
    public const string StartMark = "<!--personal:";
    public const string EndMark = "<!--/personal-->";

    /// <summary>The models a personal part may carry, by a short name: nothing else is read back from a page.</summary>
    private static readonly Dictionary<string, Type> Models = new()
    {
        ["save"] = typeof(SaveButton),
        ["follow"] = typeof(FollowButton),
        ["actions"] = typeof(MemberActions),
        ["plan"] = typeof(StartPlanButton),
    };

    private sealed record Payload(string View, string? Kind, JsonElement? Model);

    public string StartComment()
    {
        var kind = Model is null ? null : Models.Single(m => m.Value == Model.GetType()).Key;
        var json = JsonSerializer.SerializeToUtf8Bytes(new Payload(ViewPath, kind, Model is null ? null : JsonSerializer.SerializeToElement(Model, Model.GetType())));
        return StartMark + WebEncoders.Base64UrlEncode(json) + "-->";
    }

    /// <summary>The part a start comment's payload names; null when it is not one this portal wrote.</summary>
    public static PersonalPart? Parse(string payload)
    {
        try
        {
            var read = JsonSerializer.Deserialize<Payload>(WebEncoders.Base64UrlDecode(payload));
            if (read is null || !read.View.StartsWith("/Pages/", StringComparison.Ordinal) || !read.View.EndsWith(".cshtml", StringComparison.Ordinal))
            {
                return null;
            }
            if (read.Kind is null)
            {
                return new PersonalPart(read.View, null);
            }
            return Models.TryGetValue(read.Kind, out var type) && read.Model is { } model
                ? new PersonalPart(read.View, model.Deserialize(type))
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    public static bool IsModel(object? model) => model is null || Models.ContainsValue(model.GetType());
}
