using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages.BackOffice.Audit;

/// <summary>Granskningslogg: every change to content, newest first, for administrators.</summary>
[Authorize(Policy = PortalRoles.CanAdminister)]
public sealed class IndexModel(AuditQueries audit) : PageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "objekt")]
    public string? ItemFilter { get; set; }

    [FromQuery(Name = "anvandare")]
    public string? UserFilter { get; set; }

    [FromQuery(Name = "fran")]
    public DateOnly? FromDate { get; set; }

    [FromQuery(Name = "till")]
    public DateOnly? ToDate { get; set; }

    [FromQuery(Name = "sida")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> UserNames { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public List<string> Errors { get; } = [];

    public bool IsFiltered => ItemFilter is { Length: > 0 } || UserFilter is { Length: > 0 } || FromDate is not null || ToDate is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Guid? itemId = null;
        if (!string.IsNullOrWhiteSpace(ItemFilter))
        {
            if (Guid.TryParse(ItemFilter.Trim(), out var parsed))
            {
                itemId = parsed;
            }
            else
            {
                Errors.Add("Innehålls-id måste vara ett giltigt id, till exempel 3f2c8a1e-5b7d-4c3a-9e21-0d4b6a7c8e9f.");
            }
        }
        if (ModelState.TryGetValue("fran", out var fromState) && fromState.Errors.Count > 0)
        {
            Errors.Add("Från och med-datum måste anges som ÅÅÅÅ-MM-DD.");
        }
        if (ModelState.TryGetValue("till", out var toState) && toState.Errors.Count > 0)
        {
            Errors.Add("Till och med-datum måste anges som ÅÅÅÅ-MM-DD.");
        }
        if (FromDate is { } a && ToDate is { } b && a > b)
        {
            Errors.Add("Från och med-datumet ligger efter till och med-datumet.");
        }

        var filter = new AuditFilter(itemId, string.IsNullOrWhiteSpace(UserFilter) ? null : UserFilter.Trim(), FromDate, ToDate);
        var page = await audit.PageAsync(filter, PageNumber, PageSize, cancellationToken);
        (Total, PageNumber, Entries) = (page.Total, page.PageNumber, page.Entries);
        UserNames = await audit.UserNamesAsync(cancellationToken);
    }

    /// <summary>The address of another page of the same filtered list.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["objekt"] = ItemFilter,
            ["anvandare"] = UserFilter,
            ["fran"] = FromDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["till"] = ToDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["sida"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            PortalPaths.BackOffice.Audit,
            query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
