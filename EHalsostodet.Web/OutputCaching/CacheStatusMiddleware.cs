namespace EHalsostodet.Web.OutputCaching;

/// <summary>Says on a public page's answer whether it came from the output cache (<c>X-Cache: hit</c>) or was rendered (<c>miss</c>).</summary>
public sealed class CacheStatusMiddleware(RequestDelegate next)
{
    public const string Header = "X-Cache";

    public Task InvokeAsync(HttpContext context)
    {
        if (PublicPageAttribute.IsOn(context))
        {
            // Registered before the output cache's own callback, so it runs after it and is not kept with the page.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = context.Items.ContainsKey(EntityTagMiddleware.RenderedKey) ? "miss" : "hit";
                return Task.CompletedTask;
            });
        }
        return next(context);
    }
}
