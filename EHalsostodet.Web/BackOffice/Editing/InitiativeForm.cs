using EHalsostodet.Core.Content;
using static EHalsostodet.Web.BackOffice.Editing.FormFields;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>The edit form of a Kunskapshöjande initiativ.</summary>
public sealed class InitiativeForm : IContentForm
{
    public ContentType Type => ContentType.Initiative;

    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Purpose { get; set; }
    public List<LinkRow> Links { get; set; } = [];
    /// <summary>One organisation per line.</summary>
    public string? Organisations { get; set; }
    public string? ProductionYear { get; set; }
    public string? ProductionNote { get; set; }
    public List<InitiativeSector> Sectors { get; set; } = [];
    public List<TargetGroup> TargetGroups { get; set; } = [];
    public List<InitiativeSubArea> SubAreas { get; set; } = [];
    public List<InitiativeArea> Areas { get; set; } = [];
    public List<InitiativeFormat> Formats { get; set; } = [];
    public string? NoLinkReason { get; set; }

    public sealed class LinkRow
    {
        public string? Url { get; set; }
        public string? Label { get; set; }
        /// <summary>ÅÅÅÅ-MM-DD, the day the address was last seen to work.</summary>
        public string? CheckedOn { get; set; }
        public bool IsEmpty => IsBlank(Url, Label, CheckedOn);
    }

    public static InitiativeForm New()
    {
        var form = new InitiativeForm();
        FormRows.AddEmptyRows(form);
        return form;
    }

    public static InitiativeForm FromDocument(InitiativeDocument initiative)
    {
        var form = new InitiativeForm
        {
            Title = initiative.Title,
            Slug = initiative.Slug,
            Purpose = initiative.Purpose,
            Links = initiative.Links.Select(l => new LinkRow { Url = l.Url, Label = l.Label, CheckedOn = l.CheckedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }).ToList(),
            Organisations = JoinLines(initiative.Organisations),
            ProductionYear = Format(initiative.ProductionYear),
            ProductionNote = initiative.ProductionNote,
            Sectors = [.. initiative.Sectors],
            TargetGroups = [.. initiative.TargetGroups],
            SubAreas = [.. initiative.SubAreas],
            Areas = [.. initiative.Areas],
            Formats = [.. initiative.Formats],
            NoLinkReason = initiative.NoLinkReason,
        };
        FormRows.AddEmptyRows(form);
        return form;
    }

    public IReadOnlyList<RowGroup> RowGroups() => [new("links", Links, () => new LinkRow())];

    public IEnumerable<MarkdownField> MarkdownFields()
    {
        yield return new("purpose", Purpose, 2);
    }

    public DocumentDraft ToDocument()
    {
        var errors = new List<ValidationError>();
        var map = new Dictionary<string, string>();
        int? year = null;
        if (!IsBlank(ProductionYear))
        {
            if (TryParseYear(ProductionYear, out var parsed))
            {
                year = parsed;
            }
            else
            {
                errors.Add(new("productionYear", "Ange produktionsåret med fyra siffror, till exempel 2019."));
            }
        }
        var title = Clean(Title);
        var slug = Clean(Slug);
        var document = new InitiativeDocument
        {
            Title = title,
            Slug = slug.Length > 0 ? slug : Slugs.FromText(title),
            Purpose = Text(Purpose),
            Links = StoryForm.Rows(Links, r => r.IsEmpty, "links", map, (row, path) => new InitiativeLink { Url = Clean(row.Url), Label = Clean(row.Label), CheckedOn = CheckedOn(row, path, errors) }),
            Organisations = Lines(Organisations).Distinct().ToList(),
            ProductionYear = year,
            ProductionNote = Clean(ProductionNote),
            Sectors = Sectors.Distinct().Order().ToList(),
            TargetGroups = TargetGroups.Distinct().Order().ToList(),
            SubAreas = SubAreas.Distinct().Order().ToList(),
            Areas = Areas.Distinct().Order().ToList(),
            Formats = Formats.Distinct().Order().ToList(),
            NoLinkReason = Text(NoLinkReason),
        };
        return new DocumentDraft(document, errors, map);
    }

    private static DateOnly? CheckedOn(LinkRow row, string path, List<ValidationError> errors)
    {
        if (IsBlank(row.CheckedOn))
        {
            return null;
        }
        if (DateOnly.TryParseExact(row.CheckedOn!.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add(new($"{path}.checkedOn", "Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2026-12-06."));
        return null;
    }
}
