using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Time;
using EHalsostodet.Core.Workflow;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>Everything the editor page shows: the form as typed, errors, a conflict, a preview.</summary>
public sealed class EditorView
{
    public required ContentType Type { get; init; }
    public required IContentForm Form { get; set; }
    public required EditorLookups Lookups { get; init; }

    /// <summary>Null for a new item.</summary>
    public Guid? ItemId { get; init; }
    /// <summary>The version the editor started from, posted back to detect concurrent saves.</summary>
    public Guid? BaseVersionId { get; set; }
    public int? BaseVersionNumber { get; set; }
    /// <summary>The item's latest version when the page was made.</summary>
    public Guid? LatestVersionId { get; init; }
    public WorkflowState? State { get; init; }
    /// <summary>When an approved version of the item is scheduled to go live.</summary>
    public DateTime? ScheduledPublishAt { get; init; }
    public string ChangeNote { get; set; } = "";

    public FormErrors Errors { get; set; } = new();
    public string? ConflictMessage { get; set; }
    public int? LatestVersionNumber { get; set; }
    /// <summary>Rendered HTML of the Markdown fields by form path, when the editor asked for a preview.</summary>
    public IReadOnlyDictionary<string, string>? Previews { get; set; }

    /// <summary>The hidden field that keeps the text for its writer if the form arrives after the session ended.</summary>
    public string? DraftOwnerToken { get; set; }
    /// <summary>The form holds text that is not saved as a version (a form sent back, a restored copy): leaving it warns.</summary>
    public bool Unsaved { get; set; }
    /// <summary>An unsaved copy of the account's that the page offers to restore.</summary>
    public DraftOffer? DraftOffer { get; set; }
    /// <summary>Set when the form shows a restored copy.</summary>
    public DraftOffer? Restored { get; set; }
    /// <summary>The image upload beside the hero picker: the alt text as typed, and what became of the upload.</summary>
    public HeroImageUploadView HeroUpload { get; set; } = new();

    public bool IsNew => ItemId is null;

    /// <summary>What saving will do to a review or a schedule, said before the editor saves; null when nothing.</summary>
    public string? SaveNotice => State switch
    {
        WorkflowState.InReview =>
            "Innehållet väntar på granskning. Sparar du en ändring nu blir det ett utkast igen: granskningen avbryts, " +
            "granskarna får besked och du behöver skicka det på granskning på nytt.",
        _ when ScheduledPublishAt is { } at =>
            $"En godkänd version är schemalagd att publiceras {SwedishTime.Describe(at)}. Det du sparar blir ett nytt utkast " +
            "som granskas för sig; den godkända versionen publiceras ändå som planerat.",
        _ => null,
    };

    /// <summary>The section menu: anchor and name of each part of the form, in order; empty for a form too short to need one.</summary>
    public IReadOnlyList<(string Anchor, string Name)> Sections => Type switch
    {
        ContentType.Story =>
        [
            ("grunduppgifter", "Grunduppgifter"),
            .. StorySections.All.Select(s => (SectionId(s), s == StorySections.Roles ? "Roller och organisation" : s.Heading)),
            (SaveSectionId, "Spara"),
        ],
        ContentType.Collection =>
            [(Id("title"), "Titel och beskrivning"), (Id("stories"), "Kommunberättelser"), (Id("tags"), "Taggar"), (SaveSectionId, "Spara")],
        ContentType.Initiative =>
        [
            (Id("title"), "Namn och syfte"), (Id("links"), "Länkar"), (Id("organisations"), "Organisationer"),
            (Id("production"), "Produktion"), (Id("sectors"), "Kategorier"), (SaveSectionId, "Spara"),
        ],
        _ => [],
    };

    public const string SaveSectionId = "spara";

    public string OverviewUrl => ItemId is { } id ? PortalPaths.BackOffice.Content(id) : PortalPaths.BackOffice.ContentList;

    /// <summary>"Ny kommunberättelse", "Nytt kunskapshöjande initiativ" …</summary>
    public string NewHeading => Type switch
    {
        ContentType.Initiative => "Nytt kunskapshöjande initiativ",
        _ => $"Ny {Type.Label().ToLowerInvariant()}",
    };

    public static string Id(string path) => FormFields.Id(path);

    public static string ErrorId(string path) => FormFields.Id(path) + "-error";

    public static string HintId(string path) => FormFields.Id(path) + "-hint";

    /// <summary>
    /// The id of a story section's fieldset in the form. A section the form also addresses by its path has
    /// that path's id: the effects and the steps for their errors, the contacts for their row buttons.
    /// </summary>
    public static string SectionId(StorySection section) => section.Key switch
    {
        "roles" => "roller",
        "benefits" => Id("benefits.effects"),
        "process" => Id("process.steps"),
        "contacts" => Id("contacts"),
        _ => section.Anchor,
    };

    public IEnumerable<string> ErrorsFor(string path) => Errors.For(path);

    public bool HasError(string path) => Errors.Has(path);

    /// <summary>The aria-describedby value: the hint and, when there is one, the error message.</summary>
    public string? DescribedBy(string path, bool hasHint = false)
    {
        var ids = new List<string>();
        if (hasHint)
        {
            ids.Add(HintId(path));
        }
        if (HasError(path))
        {
            ids.Add(ErrorId(path));
        }
        return ids.Count > 0 ? string.Join(' ', ids) : null;
    }

    public string? Preview(string path) => Previews is not null && Previews.TryGetValue(path, out var html) ? html : null;
}

/// <summary>The upload beside the hero picker, as the page shows it after a post.</summary>
public sealed record HeroImageUploadView(string Alt = "", string? FileError = null, string? AltError = null, string? Message = null)
{
    public bool HasErrors => FileError is not null || AltError is not null;
}

/// <summary>What kind of control a simple field is.</summary>
public enum FieldKind
{
    Text,
    TextArea,
    Markdown,
}

/// <summary>One labelled text field of an editor form.</summary>
public sealed record FieldSpec(
    EditorView View,
    string Path,
    string Label,
    string? Value,
    FieldKind Kind = FieldKind.Text,
    string? Hint = null,
    string InputType = "text",
    string? DataList = null,
    string? Autocomplete = null,
    bool Required = false,
    int Rows = 5,
    string? InputMode = null);

/// <summary>A multi-select of published knowledge initiatives for one section or step.</summary>
public sealed record InitiativePickerSpec(EditorView View, string Path, string Label, IReadOnlyList<Guid> Selected);

/// <summary>The buttons of one repeated row: move it up or down, remove it.</summary>
/// <param name="Group">The group's form path, e.g. "roles.actors".</param>
/// <param name="RowName">The row as the buttons name it to screen readers, e.g. "aktör 2".</param>
public sealed record RowActionsSpec(EditorView View, string Group, int Row, int Count, string RowName)
{
    public string RowId(int row) => EditorView.Id($"{Group}[{row}]");

    public string GroupId => EditorView.Id(Group);
}

/// <summary>The "Fler rader" button of a repeated group.</summary>
/// <param name="Label">What the rows are, for screen readers: "för aktörer".</param>
public sealed record AddRowsSpec(EditorView View, string Group, int Count, string Label);

/// <summary>The error messages of one field or group.</summary>
public sealed record FieldErrorSpec(EditorView View, string Path);
