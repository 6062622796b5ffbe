using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace EHalsostodet.Web.OutputCaching.PersonalParts;

/// <summary>Renders the personal parts of a cached page for the signed-in member of the request.</summary>
public sealed class PersonalPartRenderer(ICompositeViewEngine views, ITempDataDictionaryFactory tempData, IModelMetadataProvider metadata, RenderedPartCache kept)
{
    /// <summary>The page with every marked part rendered for the request's user and the marks gone.</summary>
    public async Task<string> FillAsync(HttpContext http, string page)
    {
        var start = page.IndexOf(PersonalPart.StartMark, StringComparison.Ordinal);
        if (start < 0)
        {
            return page;
        }
        var actionContext = new ActionContext(http, http.GetRouteData(), http.GetEndpoint()?.Metadata.GetMetadata<ActionDescriptor>() ?? new ActionDescriptor());
        var temp = tempData.GetTempData(http);
        using var writer = new StringWriter();
        var done = 0;
        while (start >= 0)
        {
            var payloadStart = start + PersonalPart.StartMark.Length;
            var payloadEnd = page.IndexOf("-->", payloadStart, StringComparison.Ordinal);
            var end = payloadEnd < 0 ? -1 : page.IndexOf(PersonalPart.EndMark, payloadEnd, StringComparison.Ordinal);
            if (end < 0)
            {
                break;
            }
            writer.Write(page.AsSpan(done, start - done));
            var payload = page[payloadStart..payloadEnd];
            if (PersonalPart.Parse(payload) is { } part)
            {
                // A message waiting in TempData ("the story is now in …") is shown once, so nothing is kept or reused then.
                var key = temp.Count == 0 ? kept.KeyOf(http, part, payload) : null;
                if (key is not null && kept.Find(key) is { } html)
                {
                    writer.Write(html);
                }
                else
                {
                    using var partWriter = new StringWriter();
                    await RenderAsync(actionContext, temp, part, partWriter);
                    var rendered = partWriter.ToString();
                    writer.Write(rendered);
                    if (key is not null)
                    {
                        kept.Keep(http, key, rendered);
                    }
                }
            }
            done = end + PersonalPart.EndMark.Length;
            start = page.IndexOf(PersonalPart.StartMark, done, StringComparison.Ordinal);
        }
        writer.Write(page.AsSpan(done));
        temp.Save();
        return writer.ToString();
    }

    private async Task RenderAsync(ActionContext actionContext, ITempDataDictionary temp, PersonalPart part, TextWriter writer)
    {
        var view = views.GetView(executingFilePath: null, part.ViewPath, isMainPage: false).EnsureSuccessful(originalLocations: null).View!;
        var viewData = new ViewDataDictionary(metadata, new ModelStateDictionary()) { Model = part.Model };
        var context = new ViewContext(actionContext, view, viewData, temp, writer, new HtmlHelperOptions());
        await view.RenderAsync(context);
    }
}
