using EHalsostodet.Core.Members;

namespace EHalsostodet.Web.Members.Saving;

/// <summary>A save button for a story, collection or initiative; the title names it for screen readers.</summary>
public sealed record SaveButton(Guid ItemId, string Title);

/// <summary>A follow button for a story, collection (target: item id) or tag (target: slug).</summary>
public sealed record FollowButton(FollowKind Kind, string Target, string Title);

/// <summary>The member actions under an item's heading: save, follow and, for stories, add to an own collection.</summary>
public sealed record MemberActions(Guid ItemId, string Title, FollowKind? Follow, bool AddToOwnCollection)
{
    /// <summary>The ViewData key the article partials look for: public pages set it, previews do not.</summary>
    public const string ViewDataKey = "MemberActions";
}

/// <summary>The form that adds a published story to one of the member's own collections, or to a new one.</summary>
public sealed record AddToOwnCollection(Guid StoryId, string Title);

/// <summary>"Gör en egen handlingsplan" under a story: a form for a signed-in account, a sign-in link for a visitor.</summary>
public sealed record StartPlanButton(Guid StoryId, string Title, string Slug);
