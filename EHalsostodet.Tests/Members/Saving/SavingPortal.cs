using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Workflow;
using EHalsostodet.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Tests.Members.Saving;

/// <summary>A published item of the seed content, by id and address.</summary>
internal sealed record SeedItem(Guid Id, string Slug, string Title, string Url);

/// <summary>Helpers for the saving tests: members, seed items and forms posted as a browser posts them.</summary>
internal static class SavingPortal
{
    private static readonly HtmlParser Parser = new();

    public static async Task<(string UserId, HttpClient Client)> MemberAsync(PortalFactory factory, string email, string displayName = "")
    {
        var id = await factory.CreateUserAsync(email, PortalRoles.Member, displayName);
        return (id, await factory.SignInAsync(email));
    }

    /// <summary>The n-th published item of a type, ordered by title so tests pick the same ones.</summary>
    public static Task<SeedItem> PublishedAsync(PortalFactory factory, ContentType type, int skip = 0) =>
        factory.WithScopeAsync(async s =>
        {
            var row = await s.GetRequiredService<PortalDbContext>().PublishedContent.AsNoTracking()
                .Where(p => p.Type == type).OrderBy(p => p.Slug).Skip(skip).FirstAsync();
            return new SeedItem(row.ItemId, row.Slug, row.Title, PortalPaths.Of(type, row.Slug));
        });

    public static Task<string> TagSlugAsync(PortalFactory factory) =>
        factory.WithScopeAsync(s => s.GetRequiredService<PortalDbContext>().PublishedFacets.AsNoTracking()
            .Where(f => f.Facet == FacetNames.Tag).OrderBy(f => f.Value).Select(f => f.Value).FirstAsync());

    public static Task UnpublishAsync(PortalFactory factory, Guid itemId) =>
        factory.WithScopeAsync(async s =>
        {
            var item = await s.GetRequiredService<PortalDbContext>().ContentItems.SingleAsync(i => i.Id == itemId);
            await s.GetRequiredService<ContentPublisher>().UnpublishAsync(item, WorkflowState.Unpublished, CancellationToken.None);
            return true;
        });

    public static Task<T> QueryAsync<T>(PortalFactory factory, Func<PortalDbContext, Task<T>> query) =>
        factory.WithScopeAsync(s => query(s.GetRequiredService<PortalDbContext>()));

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// GETs a page, finds the form, and posts every field in it (hidden inputs, text, chosen
    /// options, checked boxes) with the given values changed, as a browser does on submit.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client, string pageUrl, string formSelector, IDictionary<string, string>? values = null, string? accept = null)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelector(formSelector) ?? throw new AssertFailedException($"Inget formulär {formSelector} på {pageUrl}.");
        return await SubmitAsync(client, form, pageUrl, values, accept);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client, IElement form, string pageUrl, IDictionary<string, string>? values = null, string? accept = null)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = input.GetAttribute("name")!;
            var type = input.GetAttribute("type");
            if (type == "checkbox" && !input.HasAttribute("checked"))
            {
                continue;
            }
            fields[name] = input.LocalName switch
            {
                "textarea" => input.TextContent,
                "select" => (input.QuerySelector("option[selected]") ?? input.QuerySelector("option"))?.GetAttribute("value") ?? "",
                _ => input.GetAttribute("value") ?? "",
            };
        }
        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields[name] = value;
        }
        Assert.IsTrue(fields.ContainsKey("__RequestVerificationToken"), $"Formuläret på {pageUrl} saknar antiforgery-token.");
        var action = form.GetAttribute("action");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(string.IsNullOrEmpty(action) ? pageUrl : action, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(fields),
        };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }
        return await client.SendAsync(request);
    }

    /// <summary>The first save form for an item on a page.</summary>
    public static IElement? SaveForm(IDocument page, Guid itemId) => ToggleForm(page, "ItemId", itemId.ToString());

    /// <summary>The first follow form for a target (item id or tag slug) on a page.</summary>
    public static IElement? FollowForm(IDocument page, string target) => ToggleForm(page, "Target", target);

    public static IElement Button(IElement? form) =>
        form?.QuerySelector("button") ?? throw new AssertFailedException("Formuläret eller dess knapp saknas.");

    public static string Label(IElement? form) => Button(form).QuerySelector(".toggle-label")!.TextContent.Trim();

    public static string Pressed(IElement? form) => Button(form).GetAttribute("aria-pressed") ?? "";

    /// <summary>Finds the save form on a page and submits it.</summary>
    public static async Task<HttpResponseMessage> ToggleSaveAsync(HttpClient client, string pageUrl, Guid itemId, string? accept = null)
    {
        var page = await client.GetPageAsync(pageUrl);
        return await SubmitAsync(client, SaveForm(page, itemId) ?? throw new AssertFailedException($"Ingen spara-knapp för {itemId} på {pageUrl}."), pageUrl, accept: accept);
    }

    public static async Task<HttpResponseMessage> ToggleFollowAsync(HttpClient client, string pageUrl, string target, string? accept = null)
    {
        var page = await client.GetPageAsync(pageUrl);
        return await SubmitAsync(client, FollowForm(page, target) ?? throw new AssertFailedException($"Ingen följ-knapp för {target} på {pageUrl}."), pageUrl, accept: accept);
    }

    private static IElement? ToggleForm(IDocument page, string field, string value) =>
        page.QuerySelectorAll("form.toggle-form").FirstOrDefault(f =>
            f.QuerySelectorAll($"input[name='{field}']").Any(i => string.Equals(i.GetAttribute("value"), value, StringComparison.OrdinalIgnoreCase)));
}
