using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Search;
using EHalsostodet.Core.Search.Tuning;
using EHalsostodet.Web.BackOffice;
using EHalsostodet.Web.BackOffice.Editing;
using EHalsostodet.Web.Pages.BackOffice.SearchTuning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Pages.BackOffice.Insights;

/// <summary>Sökningar utan träffar, each answered in one step: as a synonym of a word, or with a best bet.</summary>
public sealed class SearchMissesModel(SearchMissCounter misses, SearchTuningService tuning) : PageModel
{
    public static string SynonymField(int row) => $"synonym-{row}";

    public static string BestBetField(int row) => $"basta-traff-{row}";

    public List<SearchMiss> Misses { get; private set; } = [];

    public IReadOnlyDictionary<string, MissAnswer> Answers { get; private set; } = new Dictionary<string, MissAnswer>();

    /// <summary>The published titles offered while typing in the best-bet fields.</summary>
    public IReadOnlyList<PublishedChoice> Published { get; private set; } = [];

    public TuningFormError? Error { get; private set; }

    /// <summary>The search whose form was refused, and what was typed in it.</summary>
    public string? RefusedQuery { get; private set; }
    public string TypedWord { get; private set; } = "";
    public string TypedTitle { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSynonymAsync(string? query, string? word, CancellationToken cancellationToken)
    {
        TypedWord = word ?? "";
        return await DoneAsync(query, await tuning.AnswerMissWithSynonymAsync(query, word, cancellationToken), SynonymField, cancellationToken);
    }

    public async Task<IActionResult> OnPostBestBetAsync(string? query, string? title, CancellationToken cancellationToken)
    {
        TypedTitle = title ?? "";
        return await DoneAsync(query, await tuning.AnswerMissWithBestBetAsync(query, title, User.ToActor().AsAuthor(), cancellationToken), BestBetField, cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(string? query, TuningResult result, Func<int, string> field, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            TempData["Message"] = result.Message;
            return new SeeOtherResult(PortalPaths.BackOffice.SearchMisses);
        }
        await LoadAsync(cancellationToken);
        RefusedQuery = query;
        var row = Misses.FindIndex(m => m.Query == query);
        Error = new TuningFormError(row < 0 || result.Field == TuningField.None ? null : field(row), result.Message);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Misses = await misses.TopAsync(100, cancellationToken);
        Answers = await tuning.AnswersAsync(Misses.Select(m => m.Query).ToList(), cancellationToken);
        Published = await tuning.PublishedChoicesAsync(cancellationToken);
    }
}
