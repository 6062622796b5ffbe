using EHalsostodet.Core.Workflow;

namespace EHalsostodet.Web.BackOffice;

/// <summary>
/// A list of items for the back office's tables, with the caption screen readers hear; optionally
/// with the reviewers' comments on items sent back, and with each item's regular review.
/// </summary>
public sealed record EditorialTable(
    string Caption, IReadOnlyList<EditorialItem> Items,
    IReadOnlyDictionary<Guid, Rejection>? Rejections = null, IReadOnlyDictionary<Guid, ReviewStatus>? Reviews = null);
