using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Web.BackOffice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.BackOffice.Accounts;

/// <summary>Användare: the back office's accounts, their roles and whether they can sign in.</summary>
[Authorize(Policy = PortalRoles.CanAdminister)]
public sealed class IndexModel(BackOfficeAccounts accounts, UserManager<PortalUser> users) : PageModel
{
    public IReadOnlyList<BackOfficeAccount> Rows { get; private set; } = [];

    public string? ErrorMessage { get; private set; }

    public string CurrentUserId => users.GetUserId(User) ?? "";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRoleAsync(string userId, string role, CancellationToken cancellationToken) =>
        await AnswerAsync(await accounts.ChangeRoleAsync(userId ?? "", role ?? "", CurrentUserId), done => $"{done.User.NameForDisplay} har nu rollen {done.Role}.", cancellationToken);

    public async Task<IActionResult> OnPostLockAsync(string userId, CancellationToken cancellationToken) =>
        await AnswerAsync(await accounts.BlockAsync(userId ?? "", CurrentUserId, User.ToActor().Name),
            done => $"Kontot för {done.User.NameForDisplay} är låst. Användaren är utloggad och kan inte logga in förrän en administratör låser upp kontot.", cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(string userId, CancellationToken cancellationToken) =>
        await AnswerAsync(await accounts.UnblockAsync(userId ?? "", CurrentUserId, User.ToActor().Name),
            done => $"Kontot för {done.User.NameForDisplay} är upplåst.", cancellationToken);

    private async Task<IActionResult> AnswerAsync(AccountOutcome outcome, Func<AccountOutcome.Done, string> message, CancellationToken cancellationToken) => outcome switch
    {
        AccountOutcome.Done done => Done(message(done)),
        AccountOutcome.Refused refused => await ErrorAsync(refused.Reason, cancellationToken),
        AccountOutcome.Invalid invalid => await ErrorAsync(string.Join(" ", invalid.Errors.Select(e => e.Message)), cancellationToken),
        _ => NotFound(),
    };

    private IActionResult Done(string message)
    {
        TempData["Message"] = message;
        Response.Headers.Location = PortalPaths.BackOffice.Users;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task<IActionResult> ErrorAsync(string message, CancellationToken cancellationToken)
    {
        ErrorMessage = message;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Rows = await accounts.ListAsync(cancellationToken);
}
