using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.ContactMessages;
using EHalsostodet.Web.BackOffice.Editing;
using EHalsostodet.Web.ContactMessages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.ContactMessages;

/// <summary>
/// The contact form: a question, a story tip, accessibility feedback (the DOS-lagen feedback
/// function) or a request about personal data. Stored for the editors and mailed to them.
/// Against spam: a field people never see, a minimum time to fill in and a rate limit per client.
/// </summary>
public sealed class WriteModel(ContactInbox inbox, ContactFormStamp stamp) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "amne")]
    public string? SubjectKey { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Message { get; set; }

    /// <summary>The field people do not see; anything in it comes from a machine.</summary>
    [BindProperty(Name = "webbplats")]
    public string? Website { get; set; }

    [BindProperty(Name = "stampel")]
    public string? Stamp { get; set; }

    public ContactSubject? Subject => ContactLabels.SubjectFromUrlKey(SubjectKey);

    public IReadOnlyList<ContactError> Errors { get; private set; } = [];

    public ErrorSummary? Summary => Errors.Count == 0 ? null
        : new ErrorSummary("Meddelandet kunde inte skickas. Rätta följande:", Errors.Select(e => new EditorFieldError(e.Message, "#" + FieldId(e.Field))).ToList());

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public static string FieldId(string field) => field == "subject" ? "amne-" + ContactSubject.Question.UrlKey() : "kontakt-" + field;

    public void OnGet() => Stamp = stamp.Issue();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Website))
        {
            // Answered as if sent, so that the machine learns nothing; nothing is stored or mailed.
            return SeeOther(PortalPaths.ContactFormSent);
        }
        var submission = new ContactSubmission(Subject, Name, Email, Message);
        var errors = ContactInbox.Check(submission).ToList();
        if (errors.Count == 0 && !stamp.IsPlausible(Stamp))
        {
            errors.Add(new("message", "Formuläret skickades så snabbt att vi inte kan se att det var en människa som fyllde i det. Det du skrev finns kvar: vänta några sekunder och skicka igen."));
        }
        if (errors.Count == 0)
        {
            (_, var stored) = await inbox.ReceiveAsync(submission, cancellationToken);
            errors.AddRange(stored);
        }
        if (errors.Count > 0)
        {
            Errors = errors;
            Stamp = stamp.Issue();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return SeeOther(PortalPaths.ContactFormSent);
    }

    private StatusCodeResult SeeOther(string location)
    {
        Response.Headers.Location = location;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
