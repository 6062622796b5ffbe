using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace EHalsostodet.Web.OutputCaching.PersonalParts;

/// <summary>
/// <c>&lt;personal-partial name="_SaveButton" model="…" /&gt;</c>: renders a partial view as
/// <c>&lt;partial&gt;</c> does, and on a public page rendered for the cache marks it as a
/// <see cref="PersonalPart"/>, which <see cref="PersonalPartsMiddleware"/> renders again for a member.
/// </summary>
[HtmlTargetElement("personal-partial", Attributes = "name", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PersonalPartialTagHelper(IHtmlHelper html, ICompositeViewEngine views) : TagHelper
{
    private const string DepthKey = "PersonalParts.Depth";

    public string Name { get; set; } = "";

    public object? Model { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        ((IViewContextAware)html).Contextualize(ViewContext);
        var http = ViewContext.HttpContext;
        // A part inside a part is rendered with it; only the outer one is marked.
        var marking = PublicPageAttribute.IsOn(http) && http.User.Identity?.IsAuthenticated != true && http.Items[DepthKey] is null;
        if (!marking)
        {
            output.Content.SetHtmlContent(await html.PartialAsync(Name, Model));
            return;
        }
        if (!PersonalPart.IsModel(Model))
        {
            throw new InvalidOperationException($"{Model!.GetType().Name} är ingen modell för en personlig del.");
        }
        var view = views.FindView(ViewContext, Name, isMainPage: false).EnsureSuccessful(originalLocations: null).View!;
        http.Items[DepthKey] = true;
        try
        {
            output.Content.SetHtmlContent(await html.PartialAsync(Name, Model));
        }
        finally
        {
            http.Items.Remove(DepthKey);
        }
        output.PreContent.SetHtmlContent(new PersonalPart(view.Path, Model).StartComment());
        output.PostContent.SetHtmlContent(PersonalPart.EndMark);
    }
}
