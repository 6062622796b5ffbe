using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.ContactMessages;
using EHalsostodet.Web.BackOffice;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.BackOffice.ContactMessages;

/// <summary>Meddelanden: what visitors sent through the contact form, open ones first, with a status editors set.</summary>
public sealed class IndexModel(ContactInbox inbox) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusKey { get; set; }

    public ContactMessageStatus? Status =>
        Enum.TryParse<ContactMessageStatus>(StatusKey, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null;

    public IReadOnlyList<ContactMessage> Messages { get; private set; } = [];

    public IReadOnlyDictionary<ContactMessageStatus, int> Counts { get; private set; } = new Dictionary<ContactMessageStatus, int>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Messages = await inbox.ListAsync(Status, cancellationToken);
        Counts = await inbox.CountsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, ContactMessageStatus newStatus, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(newStatus) || !await inbox.SetStatusAsync(id, newStatus, User.ToActor().Name, cancellationToken))
        {
            return NotFound();
        }
        TempData["Message"] = $"Meddelandet är markerat som {newStatus.Label().ToLowerInvariant()}.";
        Response.Headers.Location = PortalPaths.WithQuery(PortalPaths.BackOffice.Messages, ("status", Status?.ToString().ToLowerInvariant()));
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
