namespace EHalsostodet.Web.Api.Delivery;

/// <summary>The page asked for: page from 1, pageSize at most <see cref="MaxPageSize"/>.</summary>
public sealed record DeliveryPaging(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 10_000;

    public static DeliveryPaging From(int? page, int? pageSize) =>
        new(Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));

    /// <summary>This page's address and its neighbours', keeping the request's other query parameters.</summary>
    public DeliveryLinks Links(HttpRequest request, int total)
    {
        var lastPage = Math.Max(1, (total + PageSize - 1) / PageSize);
        return new DeliveryLinks(
            Address(request, Page),
            Page < lastPage ? Address(request, Page + 1) : null,
            Page > 1 ? Address(request, Math.Min(Page - 1, lastPage)) : null);
    }

    private string Address(HttpRequest request, int page)
    {
        var query = request.Query
            .Where(p => p.Key is not ("page" or "pageSize"))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("pageSize", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return request.PathBase + request.Path + QueryString.Create(query);
    }
}
