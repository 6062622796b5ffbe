using EHalsostodet.Core.Media;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Web.Media;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>
/// An image uploaded from inside the content editor, with its alt text: stored in the media library
/// like any other upload and chosen as the item's hero image.
/// </summary>
public sealed class HeroImageUpload(MediaLibrary library, IOptions<MediaOptions> options)
{
    public const string FileField = "heroImageFile";
    public const string AltField = "heroImageAlt";

    /// <summary>
    /// Stores the posted image and makes it the form's hero. The view says what happened; null when
    /// no file was posted, so there was nothing to do.
    /// </summary>
    public async Task<HeroImageUploadView?> UploadAsync(IFormCollection posted, IHeroImageForm form, WorkflowActor actor, CancellationToken cancellationToken)
    {
        var file = posted.Files.GetFile(FileField);
        var alt = posted[AltField].ToString();
        if (file is null || file.Length == 0)
        {
            return null;
        }
        var maxBytes = options.Value.MaxBytes;
        if (file.Length > maxBytes)
        {
            return new HeroImageUploadView(alt, FileError: ImageSniffer.TooManyBytes(file.Length, maxBytes));
        }
        var data = await MediaUploadReader.ReadAsync(file, cancellationToken);
        switch (await library.UploadAsync(new MediaUpload(data, file.FileName, alt, actor.UserId, actor.Name), cancellationToken))
        {
            case MediaUploadOutcome.Stored stored:
                form.HeroImageId = stored.Item.Id;
                return new HeroImageUploadView(Message: $"Bilden {stored.Item.OriginalFileName} är uppladdad till mediebiblioteket och vald som bild överst. Spara för att behålla valet.");
            case MediaUploadOutcome.Refused { Field: "alt" } refused:
                return new HeroImageUploadView(alt, AltError: refused.Message);
            case MediaUploadOutcome.Refused refused:
                return new HeroImageUploadView(alt, FileError: refused.Message + " Välj filen igen.");
            default:
                throw new InvalidOperationException();
        }
    }
}
