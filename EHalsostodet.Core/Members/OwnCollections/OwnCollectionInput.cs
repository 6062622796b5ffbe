namespace EHalsostodet.Core.Members.OwnCollections;

/// <summary>A member's name and description for an own collection, with the rules both forms and the API apply.</summary>
public sealed record OwnCollectionInput(string? Name, string? Description)
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;

    public string CleanName => (Name ?? "").Trim();

    public string CleanDescription => (Description ?? "").Trim();

    /// <summary>Swedish messages keyed by field ("name", "description"); empty when the input is valid.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (CleanName.Length == 0)
        {
            errors["name"] = "Ange ett namn på samlingen.";
        }
        else if (CleanName.Length > MaxNameLength)
        {
            errors["name"] = $"Namnet får vara högst {MaxNameLength} tecken (nu {CleanName.Length}).";
        }
        if (CleanDescription.Length > MaxDescriptionLength)
        {
            errors["description"] = $"Beskrivningen får vara högst {MaxDescriptionLength} tecken (nu {CleanDescription.Length}).";
        }
        return errors;
    }
}
