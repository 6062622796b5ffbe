using System.Globalization;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Media;
using EHalsostodet.Web.BackOffice.Editing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Pages.BackOffice.Media;

/// <summary>/redaktion/media/{id}: change an image's alt text and the focal point its card crops keep in view.</summary>
public sealed class EditModel(MediaLibrary library) : PageModel
{
    public MediaItem Item { get; private set; } = null!;

    [BindProperty]
    public string? Alt { get; set; }

    /// <summary>As typed: a number field may hold anything when the browser does not check it.</summary>
    [BindProperty]
    public string? FocalPointX { get; set; }

    [BindProperty]
    public string? FocalPointY { get; set; }

    public string? AltError { get; private set; }

    public string? FocalPointError { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } item)
        {
            return NotFound();
        }
        Item = item;
        Alt = item.AltText;
        (FocalPointX, FocalPointY) = (item.FocalPointX.ToString(CultureInfo.InvariantCulture), item.FocalPointY.ToString(CultureInfo.InvariantCulture));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await library.FindAsync(id, cancellationToken) is not { } item)
        {
            return NotFound();
        }
        Item = item;
        var focalPoint = int.TryParse(FocalPointX, NumberStyles.Integer, CultureInfo.InvariantCulture, out var x) && int.TryParse(FocalPointY, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y)
            ? new FocalPoint(x, y)
            : new FocalPoint(-1, -1);
        switch (await library.ChangeAsync(id, new MediaChange(Alt, focalPoint), cancellationToken))
        {
            case MediaChangeOutcome.Changed:
                StatusMessage = "Ändringarna är sparade.";
                return new SeeOtherResult(PortalPaths.BackOffice.MediaItem(id));
            case MediaChangeOutcome.Refused { Field: "alt" } refused:
                AltError = refused.Message;
                break;
            case MediaChangeOutcome.Refused refused:
                FocalPointError = refused.Message;
                break;
            default:
                return NotFound();
        }
        // Both fields are checked, so that one post shows every problem.
        if (AltError is not null && !focalPoint.IsValid)
        {
            FocalPointError = MediaLibrary.FocalPointOutOfRange;
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
