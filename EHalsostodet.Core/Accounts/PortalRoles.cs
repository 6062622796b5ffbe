namespace EHalsostodet.Core.Accounts;

/// <summary>The roles of the portal. Each back-office role includes the rights of the one before it.</summary>
public static class PortalRoles
{
    public const string Editor = "Redaktör";
    public const string Reviewer = "Granskare";
    public const string Administrator = "Administratör";

    public const string Member = "Medlem";

    public static IReadOnlyList<string> BackOffice { get; } = [Editor, Reviewer, Administrator];
    public static IReadOnlyList<string> All { get; } = [Editor, Reviewer, Administrator, Member];

    /// <summary>Policy names for the back office.</summary>
    public const string CanEdit = "CanEdit";
    public const string CanReview = "CanReview";
    public const string CanAdminister = "CanAdminister";

    /// <summary>The API key of a role: editor, reviewer, administrator.</summary>
    public static bool TryParseKey(string? key, out string role)
    {
        role = key?.ToLowerInvariant() switch
        {
            "editor" or "redaktor" or "redaktör" => Editor,
            "reviewer" or "granskare" => Reviewer,
            "administrator" or "administratör" or "admin" => Administrator,
            _ => "",
        };
        return role.Length > 0;
    }
}
