namespace EHalsostodet.Web.Pages;

/// <summary>The page links under a long list (<c>_Pager.cshtml</c>): previous, the first and last, a few around the current one, next.</summary>
/// <param name="Label">What the links are pages of, for screen readers ("Sidor med kommunberättelser").</param>
public sealed record Pager(int Page, int PageCount, Func<int, string> UrlOf, string Label)
{
    /// <summary>
    /// The links for a list at <paramref name="path"/> whose pages are <c>?sida=N</c> (the first without it),
    /// or null when <paramref name="page"/> is not one of its pages (the page answers 404).
    /// </summary>
    public static Pager? Of(int page, int pageCount, string path, string label) =>
        page >= 1 && page <= pageCount ? new Pager(page, pageCount, number => number == 1 ? path : $"{path}?sida={number}", label) : null;

    /// <summary>The page numbers to link, with null where a run of pages is left out.</summary>
    public IReadOnlyList<int?> Shown()
    {
        var shown = new List<int?>();
        for (var page = 1; page <= PageCount; page++)
        {
            if (page == 1 || page == PageCount || Math.Abs(page - Page) <= 2)
            {
                shown.Add(page);
            }
            else if (shown[^1] is not null)
            {
                shown.Add(null);
            }
        }
        return shown;
    }
}
