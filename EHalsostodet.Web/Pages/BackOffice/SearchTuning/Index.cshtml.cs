using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Search.Tuning;
using EHalsostodet.Web.BackOffice;
using EHalsostodet.Web.BackOffice.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Pages.BackOffice.SearchTuning;

/// <summary>Sökningens ord och bästa träffar: editors keep the synonym groups and best bets of search.</summary>
public sealed class IndexModel(SearchTuningService tuning) : PageModel
{
    public const string NewGroupField = "ny-grupp";
    public const string QueryField = "ny-sokning";
    public const string ItemField = "nytt-innehall";

    public static string GroupField(int id) => $"grupp-{id}";

    public IReadOnlyList<SynonymGroupView> Groups { get; private set; } = [];
    public IReadOnlyList<BestBetView> BestBets { get; private set; } = [];
    public IReadOnlyList<PublishedChoice> Published { get; private set; } = [];

    /// <summary>The group whose removal the editor is asked to confirm.</summary>
    public SynonymGroupView? ConfirmDelete { get; private set; }

    public TuningFormError? Error { get; private set; }

    // What was typed in a refused form, shown again to be corrected.
    public string NewWords { get; private set; } = "";
    public int? ChangedGroupId { get; private set; }
    public string ChangedWords { get; private set; } = "";
    public string NewQuery { get; private set; } = "";
    public Guid? NewItemId { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "ta-bort")] int? confirmDelete, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        ConfirmDelete = Groups.FirstOrDefault(g => g.Id == confirmDelete);
    }

    public async Task<IActionResult> OnPostAddGroupAsync(string? words, CancellationToken cancellationToken)
    {
        NewWords = words ?? "";
        return await DoneAsync(await tuning.AddSynonymGroupAsync(words, cancellationToken), NewGroupField, cancellationToken);
    }

    public async Task<IActionResult> OnPostChangeGroupAsync(int id, string? words, CancellationToken cancellationToken)
    {
        ChangedGroupId = id;
        ChangedWords = words ?? "";
        return await DoneAsync(await tuning.ChangeSynonymGroupAsync(id, words, cancellationToken), GroupField(id), cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteGroupAsync(int id, CancellationToken cancellationToken) =>
        await DoneAsync(await tuning.DeleteSynonymGroupAsync(id, cancellationToken), null, cancellationToken);

    public async Task<IActionResult> OnPostAddBestBetAsync(string? query, Guid? itemId, CancellationToken cancellationToken)
    {
        NewQuery = query ?? "";
        NewItemId = itemId;
        var result = await tuning.AddBestBetAsync(query, itemId, User.ToActor().AsAuthor(), cancellationToken);
        return await DoneAsync(result, result.Field == TuningField.Query ? QueryField : ItemField, cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteBestBetAsync(int id, CancellationToken cancellationToken) =>
        await DoneAsync(await tuning.DeleteBestBetAsync(id, User.ToActor().AsAuthor(), cancellationToken), null, cancellationToken);

    private async Task<IActionResult> DoneAsync(TuningResult result, string? field, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            TempData["Message"] = result.Message;
            return new SeeOtherResult(PortalPaths.BackOffice.SearchTuning);
        }
        Error = new TuningFormError(result.Field == TuningField.None ? null : field, result.Message);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Groups = await tuning.SynonymGroupsAsync(cancellationToken);
        BestBets = await tuning.BestBetsAsync(cancellationToken);
        Published = await tuning.PublishedChoicesAsync(cancellationToken);
    }
}
