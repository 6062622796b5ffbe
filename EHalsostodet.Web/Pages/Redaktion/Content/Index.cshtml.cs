using EHalsostodet.Core.Content;
using EHalsostodet.Core.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Redaktion.Content;

public sealed class IndexModel(EditorialQueries queries) : PageModel
{
    public ContentType? Type { get; private set; }
    public WorkflowState? State { get; private set; }
    public string? Text { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public List<EditorialItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public string Caption => "Innehåll" + (Type is { } t ? $": {t.Label()}" : "");

    public async Task OnGetAsync([FromQuery(Name = "typ")] string? type, [FromQuery(Name = "status")] string? state, [FromQuery(Name = "q")] string? text, [FromQuery(Name = "sida")] int page, CancellationToken cancellationToken)
    {
        Type = ContentTypeNames.TryParseKey(type, out var parsedType) ? parsedType : null;
        State = Enum.TryParse<WorkflowState>(state, ignoreCase: true, out var parsedState) && !int.TryParse(state, out _) ? parsedState : null;
        Text = text;
        PageNumber = Math.Max(1, page);
        (Items, Total) = await queries.ListAsync(Type, State, Text, PageNumber, cancellationToken);
    }
}
