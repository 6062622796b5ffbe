using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Media;
using EHalsostodet.Web.BackOffice;
using EHalsostodet.Web.BackOffice.Editing;
using EHalsostodet.Web.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using EHalsostodet.Web.Infrastructure;

namespace EHalsostodet.Web.Pages.BackOffice.Media;

/// <summary>Mediebiblioteket: upload images with alt text, see where each is used, delete unused ones.</summary>
[RequestSizeLimit(MediaUploadReader.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MediaUploadReader.MaxRequestBytes)]
public sealed class IndexModel(MediaLibrary library, MediaUsages usages, IOptions<MediaOptions> options) : PageModel
{
    public IReadOnlyList<MediaItem> Items { get; private set; } = [];

    public IReadOnlyDictionary<Guid, IReadOnlyList<MediaUsage>> Usages { get; private set; } = new Dictionary<Guid, IReadOnlyList<MediaUsage>>();

    [BindProperty]
    public string? Alt { get; set; }

    public string? FileError { get; private set; }

    public string? AltError { get; private set; }

    public string? DeleteError { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public MediaOptions Limits => options.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            FileError = MediaLibrary.FileMissing;
        }
        else if (file.Length > Limits.MaxBytes)
        {
            FileError = ImageSniffer.TooManyBytes(file.Length, Limits.MaxBytes);
        }
        else
        {
            var actor = User.ToActor();
            var data = await MediaUploadReader.ReadAsync(file, cancellationToken);
            switch (await library.UploadAsync(new MediaUpload(data, file.FileName, Alt, actor.UserId, actor.Name), cancellationToken))
            {
                case MediaUploadOutcome.Stored stored:
                    StatusMessage = $"Bilden {stored.Item.OriginalFileName} är uppladdad.";
                    return new SeeOtherResult(PortalPaths.BackOffice.Media);
                case MediaUploadOutcome.Refused { Field: "alt" } refused:
                    AltError = refused.Message;
                    break;
                case MediaUploadOutcome.Refused refused:
                    FileError = refused.Message;
                    break;
            }
        }
        if (FileError is null && string.IsNullOrWhiteSpace(Alt))
        {
            AltError = MediaLibrary.AltTextMissing;
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        switch (await library.DeleteAsync(id, cancellationToken))
        {
            case MediaDeleteOutcome.Deleted:
                StatusMessage = "Bilden är borttagen.";
                return new SeeOtherResult(PortalPaths.BackOffice.Media);
            case MediaDeleteOutcome.InUse inUse:
                DeleteError = $"Bilden kan inte tas bort eftersom den används av: {string.Join(", ", inUse.Usages.Select(u => u.Title))}. Välj en annan bild (eller Ingen bild) där först.";
                Response.StatusCode = StatusCodes.Status409Conflict;
                await LoadAsync(cancellationToken);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Items = await library.ListAsync(cancellationToken);
        Usages = await usages.AllAsync(cancellationToken);
    }
}
