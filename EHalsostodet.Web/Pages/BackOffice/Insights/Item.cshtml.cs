using EHalsostodet.Core.Content;
using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Time;
using EHalsostodet.Web.Insights;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.BackOffice.Insights;

/// <summary>One item's use per day; for a collection also the use of its stories.</summary>
public sealed class ItemModel(InsightsQueries insights, TimeProvider clock) : PageModel
{
    public ItemUsage Item { get; private set; } = null!;
    public InsightsPeriod Period { get; private set; } = null!;
    public string? PeriodError { get; private set; }
    public IReadOnlyList<DailyUsage> Daily { get; private set; } = [];
    public IReadOnlyList<DailyUsage>? StoriesDaily { get; private set; }
    public string DailyCaption => $"Användning av {Item.Title} per dag";
    public string StoriesCaption => "Användning av samlingens berättelser per dag";

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = "fran")] string? from, [FromQuery(Name = "till")] string? to, CancellationToken cancellationToken)
    {
        var item = await insights.ItemAsync(id, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        Item = item;
        (Period, PeriodError) = InsightsPeriodInput.Parse(from, to, SwedishTime.Today(clock));
        Daily = await insights.DailyAsync([id], Period, cancellationToken);
        if (item.Type == ContentType.Collection)
        {
            var stories = await insights.CollectionStoryIdsAsync(id, cancellationToken);
            StoriesDaily = await insights.DailyAsync(stories, Period, cancellationToken);
        }
        return Page();
    }
}
