using EHalsostodet.Core.Workflow;
using EHalsostodet.Web.BackOffice;
using Microsoft.AspNetCore.Http.HttpResults;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Api.Management;

/// <summary>/content/{id}/workflow/{action}: submit, approve, reject, unpublish, archive, trash, restore.</summary>
internal static class WorkflowEndpoints
{
    public static RouteGroupBuilder MapWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var workflow = api.MapGroup("/content/{id:guid}/workflow").RequireEditor();
        workflow.MapPost("/{action}", ExecuteAsync)
            .Accepts<WorkflowActionRequest>(isOptional: true, "application/json")
            .WithName("ExecuteWorkflowAction")
            .WithSummary("Utför en åtgärd i arbetsflödet")
            .WithDescription(
                "action är submit, approve, reject, unpublish, archive, trash eller restore. Redaktörer skickar på granskning (och lägger aldrig publicerat innehåll i papperskorgen); " +
                "granskare godkänner, skickar tillbaka (kommentar krävs), avpublicerar, arkiverar (kommentar krävs) och lägger i papperskorgen; administratörer återställer. " +
                "publishAt vid approve schemalägger publiceringen, unpublishAt vid approve eller unpublish schemalägger avpubliceringen. " +
                "publicChangeNote vid submit eller approve är texten om vad som har ändrats som följare ser (den interna ändringsnoteringen visas aldrig för dem). " +
                "Tider utan tidszon läses som UTC. " +
                "403 när rollen eller fyraögonsprincipen inte tillåter åtgärden, 409 när den inte passar innehållets läge eller kommentaren saknas, " +
                "och 409 med errors per fält (samma regler och meddelanden som när ett utkast sparas) när innehållet saknar det som krävs för granskning, 404 för okänt innehåll eller okänd åtgärd.");
        return api;
    }

    private static async Task<Results<Ok<WorkflowActionResponse>, ProblemHttpResult>> ExecuteAsync(
        Guid id, string action, HttpRequest request, HttpContext context, WorkflowService workflow, CancellationToken cancellationToken)
    {
        if (!WorkflowActionNames.TryParseKey(action, out var workflowAction))
        {
            return ManagementProblems.NotFound($"Okänd åtgärd \"{action}\". Välj submit, approve, reject, unpublish, archive, trash eller restore.");
        }
        var body = await JsonRequestBody.ReadAsync<WorkflowActionRequest>(request, optional: true, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var input = body.Value!;
        var result = await workflow.ExecuteAsync(
            id, workflowAction, context.User.ToActor(),
            new WorkflowRequest(input.Comment, AsUtc(input.PublishAt), AsUtc(input.UnpublishAt), input.PublicChangeNote),
            cancellationToken);
        return result switch
        {
            WorkflowResult.Done done => TypedResults.Ok(new WorkflowActionResponse(done.Item.Id, done.Item.State.Key(), done.Item.State.Label(), done.Message)),
            WorkflowResult.Forbidden forbidden => ManagementProblems.Forbidden(forbidden.Reason),
            WorkflowResult.Invalid invalid => ManagementProblems.Conflict(invalid.Reason),
            WorkflowResult.Incomplete incomplete => ManagementProblems.Incomplete(incomplete.Reason, incomplete.Errors),
            _ => ManagementProblems.ItemNotFound(id),
        };
    }

    private static DateTime? AsUtc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } v => DateTime.SpecifyKind(v, DateTimeKind.Utc),
        { } v => v.ToUniversalTime(),
    };
}
