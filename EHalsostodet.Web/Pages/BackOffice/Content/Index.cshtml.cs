using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Search;
using EHalsostodet.Core.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.BackOffice.Content;

public sealed class IndexModel(EditorialQueries queries, IEditorialSearch search) : PageModel
{
    public ContentType? Type { get; private set; }
    public WorkflowState? State { get; private set; }
    public string? Text { get; private set; }
    public string? Message { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public EditorialList List { get; private set; } = new([], 0, new Dictionary<WorkflowState, int>(), new Dictionary<ContentType, int>());
    public string Caption => "Innehåll" + (Type is { } t ? $": {t.Label()}" : "") + (State is { } s ? $", {s.Label().ToLowerInvariant()}" : "");

    public async Task OnGetAsync([FromQuery(Name = "typ")] string? type, [FromQuery(Name = "status")] string? state, [FromQuery(Name = "q")] string? text, [FromQuery(Name = "sida")] int page, CancellationToken cancellationToken)
    {
        Type = ContentTypeNames.TryParseKey(type, out var parsedType) ? parsedType : null;
        State = Enum.TryParse<WorkflowState>(state, ignoreCase: true, out var parsedState) && !int.TryParse(state, out _) ? parsedState : null;
        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        PageNumber = Math.Clamp(page, 1, 10_000);
        IReadOnlyList<Guid>? matches = null;
        if (Text is not null)
        {
            var found = await search.SearchAsync(Text, cancellationToken);
            matches = found.RankedIds;
            Message = found.Message;
        }
        List = await queries.ListAsync(Type, State, matches, PageNumber, cancellationToken);
    }

    /// <summary>This list with one filter changed, back on page 1 unless a page is given.</summary>
    public string ListUrl(ContentType? type, WorkflowState? state, int page = 1)
    {
        var parts = new List<string>();
        if (type is { } t)
        {
            parts.Add("typ=" + t.Key());
        }
        if (state is { } s)
        {
            parts.Add("status=" + s.ToString().ToLowerInvariant());
        }
        if (Text is not null)
        {
            parts.Add("q=" + Uri.EscapeDataString(Text));
        }
        if (page > 1)
        {
            parts.Add($"sida={page}");
        }
        return PortalPaths.BackOffice.ContentList + (parts.Count > 0 ? "?" + string.Join('&', parts) : "");
    }
}
