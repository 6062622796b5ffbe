using EHalsostodet.Core.Time;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Web.BackOffice;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.BackOffice;

public sealed class IndexModel(EditorialQueries queries, TimeProvider clock) : PageModel
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
        var (sentBack, comments) = await queries.SentBackAsync(cancellationToken);
        Tables.Add(("tillbaka", new EditorialTable("Skickat tillbaka med kommentar", sentBack, comments)));
        Tables.Add(("mina", new EditorialTable("Mina utkast och inskickade", await queries.MineInProgressAsync(actor.UserId, cancellationToken), comments)));
        Tables.Add(("schemalagt", new EditorialTable("Schemalagt", await queries.ScheduledAsync(cancellationToken))));
        var today = SwedishTime.Today(clock);
        var due = await queries.PastReviewDateAsync(cancellationToken);
        Tables.Add(("granskningsdatum", new EditorialTable("Passerat granskningsdatum", due,
            Reviews: due.ToDictionary(i => i.Id, i => ReviewStatus.Of(i, actor, today)))));
    }
}
