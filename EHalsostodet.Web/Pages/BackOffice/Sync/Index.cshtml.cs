using System.Security.Cryptography;
using System.Text;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Sync;
using EHalsostodet.Core.Time;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Web.BackOffice;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.Pages.BackOffice.Sync;

/// <summary>
/// Innehåll som filer: administrators export the content as a zip and import one, after seeing what
/// it would change. The import is in the administrator's name; with four-eyes (the default) what the
/// files say is published is sent to review instead, for another reviewer to publish. Content changed
/// since the files were taken is left as it is unless the administrator ticks that it is overwritten.
/// </summary>
[Authorize(Policy = PortalRoles.CanAdminister)]
[RequestSizeLimit(SyncArchive.MaxArchiveBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = SyncArchive.MaxArchiveBytes + 1024 * 1024)]
public sealed class IndexModel(SyncArchive archive, SyncImporter importer, TimeProvider clock, IOptions<WorkflowOptions> workflow) : PageModel
{
    /// <summary>Whether "publish" sends to review (nobody publishes what they alone brought in).</summary>
    public bool FourEyes => workflow.Value.FourEyes;

    public SyncPlan? Plan { get; private set; }
    public string? UploadId { get; private set; }
    public bool Publish { get; private set; }
    public bool Overwrite { get; private set; }
    public string? Fingerprint { get; private set; }
    public string? ErrorMessage { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken) =>
        File(await archive.ExportAsync(cancellationToken), "application/zip", $"usync-{SwedishTime.Today(clock):yyyy-MM-dd}.zip");

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, bool publish, bool overwrite, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return Error("Välj en zip-fil att ladda upp.");
        }
        await using var stream = file.OpenReadStream();
        var upload = await archive.UnpackAsync(stream, file.Length, cancellationToken);
        if (upload.Id is null)
        {
            return Error(upload.Error!);
        }
        await ShowPlanAsync(upload.Id, publish, overwrite, cancellationToken);
        if (Plan!.HasProblems || !Plan.HasChanges)
        {
            archive.Remove(upload.Id);
            UploadId = null;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string? uploadId, bool publish, bool overwrite, string? fingerprint, CancellationToken cancellationToken)
    {
        if (archive.Folder(uploadId) is null)
        {
            return Error("Den uppladdade filen finns inte längre; uppladdningar tas bort efter en tid. Ladda upp zip-filen igen.");
        }
        await ShowPlanAsync(uploadId!, publish, overwrite, cancellationToken);
        if (Plan!.HasProblems)
        {
            archive.Remove(uploadId!);
            UploadId = null;
            ErrorMessage = "Filerna har problem. Inget har ändrats.";
            return Page();
        }
        if (Fingerprint != fingerprint)
        {
            ErrorMessage = "Innehållet har ändrats sedan rapporten visades. Granska den nya rapporten innan du genomför importen.";
            return Page();
        }
        try
        {
            await importer.ApplyAsync(Plan, User.ToActor().AsAuthor(), cancellationToken);
        }
        catch (SyncImportException e)
        {
            ErrorMessage = "Importen stoppades och inget har ändrats: " + string.Join(" ", e.Problems);
            return Page();
        }
        archive.Remove(uploadId!);
        TempData["Message"] = "Importen är genomförd. " + SyncReport.Summary(Plan);
        Response.Headers.Location = PortalPaths.BackOffice.Sync;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private async Task ShowPlanAsync(string uploadId, bool publish, bool overwrite, CancellationToken cancellationToken)
    {
        UploadId = uploadId;
        Publish = publish;
        Overwrite = overwrite;
        var publishing = !publish ? ImportPublishing.AsDrafts : FourEyes ? ImportPublishing.ForReview : ImportPublishing.AsInFiles;
        Plan = await importer.PlanAsync(archive.Folder(uploadId)!, publishing, overwrite, cancellationToken);
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', SyncReport.Lines(Plan)))));
    }

    private PageResult Error(string message)
    {
        ErrorMessage = message;
        return Page();
    }
}
