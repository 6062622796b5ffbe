using EHalsostodet.Core.Insights;
using EHalsostodet.Core.Search;
using EHalsostodet.Core.Time;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Web.Insights;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.BackOffice.Insights;

public sealed class IndexModel(InsightsQueries insights, SearchMissCounter misses, EditorialQueries editorial, TimeProvider clock) : PageModel
{
    public InsightsPeriod Period { get; private set; } = null!;
    public string? PeriodError { get; private set; }
    public Dictionary<string, IReadOnlyList<ItemUsage>> Top { get; } = [];
    public IReadOnlyList<(string Slug, string Name, int Count)> Tags { get; private set; } = [];
    public List<SearchMiss> Misses { get; private set; } = [];
    public List<EditorialItem> PastReview { get; private set; } = [];
    public DailyUsageTable DailyTable { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "fran")] string? from, [FromQuery(Name = "till")] string? to, CancellationToken cancellationToken)
    {
        (Period, PeriodError) = InsightsPeriodInput.Parse(from, to, Today);
        foreach (var metric in InsightsQueries.ItemMetrics)
        {
            Top[metric] = await insights.TopItemsAsync(metric, Period, 10, cancellationToken);
        }
        Tags = await insights.TopTagsAsync(Period, 10, cancellationToken);
        Misses = await misses.TopAsync(10, cancellationToken);
        PastReview = await editorial.PastReviewDateAsync(cancellationToken);
        DailyTable = new(await insights.DailyAsync(null, Period, cancellationToken), "Användning av allt innehåll per dag");
    }

    public async Task<IActionResult> OnGetCsvAsync([FromQuery(Name = "fran")] string? from, [FromQuery(Name = "till")] string? to, CancellationToken cancellationToken)
    {
        var (period, error) = InsightsPeriodInput.Parse(from, to, Today);
        if (error is not null)
        {
            return BadRequest(error);
        }
        var rows = await insights.RowsAsync(period, cancellationToken);
        return File(InsightsCsv.Write(rows), "text/csv; charset=utf-8", $"insikter-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv");
    }

    private DateOnly Today => SwedishTime.Today(clock);
}
