using EHalsostodet.Core.Workflow;

namespace EHalsostodet.Web.BackOffice;

/// <summary>A list of items for the back office's tables, with the caption screen readers hear.</summary>
public sealed record EditorialTable(string Caption, IReadOnlyList<EditorialItem> Items);
