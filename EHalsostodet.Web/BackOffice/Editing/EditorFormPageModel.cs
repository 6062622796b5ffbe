using EHalsostodet.Core.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>A page that binds an editor form: from the posted request, or from the fields a draft kept.</summary>
public abstract class EditorFormPageModel : PageModel
{
    protected async Task<IContentForm> BindFormAsync(ContentType type, FormPairs? pairs)
    {
        var form = ContentForms.ForBinding(type);
        if (pairs is null)
        {
            await TryUpdateModelAsync(form, form.GetType(), "");
        }
        else
        {
            await TryUpdateModelAsync(form, form.GetType(), "", pairs.ValueProvider(), _ => true);
        }
        // The forms carry no annotations; what matters is what the document rules say.
        ModelState.Clear();
        if (form is StoryForm story)
        {
            story.Normalise();
        }
        return form;
    }
}
