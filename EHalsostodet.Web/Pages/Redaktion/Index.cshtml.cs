using EHalsostodet.Core.Workflow;
using EHalsostodet.Web.BackOffice;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.Redaktion;

public sealed class IndexModel(EditorialQueries queries) : PageModel
{
    public List<(string Id, EditorialTable Table)> Tables { get; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        if (actor.CanReview)
        {
            // What the user submitted themselves waits for another reviewer.
            var awaiting = (await queries.AwaitingReviewAsync(cancellationToken)).Where(i => i.SubmittedById != actor.UserId).ToList();
            Tables.Add(("granska", new EditorialTable("Väntar på din granskning", awaiting)));
        }
        Tables.Add(("mina", new EditorialTable("Mina utkast och inskickade", await queries.MineInProgressAsync(actor.UserId, cancellationToken))));
        Tables.Add(("schemalagt", new EditorialTable("Schemalagt", await queries.ScheduledAsync(cancellationToken))));
        Tables.Add(("granskningsdatum", new EditorialTable("Passerat granskningsdatum", await queries.PastReviewDateAsync(cancellationToken))));
    }
}
