namespace EHalsostodet.Core.Members.Privacy;

/// <summary>Everything the portal holds about a member, as they download it (mina-uppgifter.json).</summary>
public sealed record MemberDataExport(
    DateTime ExportedAt,
    ExportedAccount Account,
    ExportedProfile? Profile,
    IReadOnlyList<ExportedSavedItem> Saved,
    IReadOnlyList<ExportedCollection> Collections,
    IReadOnlyList<ExportedFollow> Follows,
    IReadOnlyList<ExportedNotice> Notifications,
    IReadOnlyList<ExportedActionPlan> ActionPlans);

/// <param name="CreatedAt">When the account's member profile was made: at registration for members.</param>
/// <param name="LastSignInAt">The last password sign-in, which the deletion of unused accounts counts from.</param>
public sealed record ExportedAccount(string Email, string DisplayName, IReadOnlyList<string> Roles, bool EmailConfirmed, DateTime? CreatedAt, DateTime? LastSignInAt);

public sealed record ExportedProfile(
    string? Role, string? RoleLabel, string? MunicipalityCode, string? MunicipalityName,
    IReadOnlyList<string> Areas, IReadOnlyList<string> Interests, string MailFrequency, DateTime CreatedAt);

/// <param name="Title">Null when the item is no longer published.</param>
public sealed record ExportedSavedItem(Guid ItemId, string? Type, string? Title, string? Url, DateTime SavedAt);

public sealed record ExportedCollection(
    Guid Id, string Name, string Description, bool SharedByLink, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<ExportedCollectionStory> Stories);

public sealed record ExportedCollectionStory(Guid StoryId, string? Title, int Position, DateTime AddedAt);

public sealed record ExportedFollow(string Kind, string Target, string? Title, DateTime CreatedAt);

public sealed record ExportedNotice(string Kind, string Text, string Url, DateTime CreatedAt, DateTime? ReadAt, DateTime? MailedAt);

public sealed record ExportedActionPlan(
    Guid Id, string Title, Guid StoryId, string? StoryTitle, bool SharedByLink, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<ExportedActionPlanStep> Steps);

public sealed record ExportedActionPlanStep(string Step, string Notes, IReadOnlyList<ExportedActionPlanTask> Tasks);

public sealed record ExportedActionPlanTask(string Text, string Owner, DateOnly? DueDate, bool Done);
