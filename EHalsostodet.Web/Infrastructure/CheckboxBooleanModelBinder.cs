using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace EHalsostodet.Web.Infrastructure;

/// <summary>
/// Binds true/false the way browsers and people send them: a checkbox without a value posts
/// <c>on</c>, and <c>1</c>, <c>yes</c> and <c>ja</c> mean the same. Anything else is a Swedish
/// model error, and the value kept for redisplay is a real boolean: the checkbox tag helper
/// converts the kept value and threw a FormatException (a 500) on <c>Consent=on</c>.
/// </summary>
public sealed class CheckboxBooleanModelBinder : IModelBinder
{
    public const string Invalid = "Värdet kunde inte tolkas som ja eller nej. Kryssa i rutan eller lämna den tom.";

    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var posted = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (posted == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        var text = (posted.FirstValue ?? "").Trim();
        if (text.Length == 0 && bindingContext.ModelType == typeof(bool?))
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, null, text);
            bindingContext.Result = ModelBindingResult.Success(null);
            return Task.CompletedTask;
        }
        if (Parse(text) is { } value)
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value, text);
            bindingContext.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, false, "false");
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, Invalid);
        bindingContext.Result = ModelBindingResult.Failed();
        return Task.CompletedTask;
    }

    private static bool? Parse(string text) => text.ToUpperInvariant() switch
    {
        "TRUE" or "ON" or "1" or "YES" or "JA" => true,
        "FALSE" or "OFF" or "0" or "NO" or "NEJ" or "" => false,
        _ => null,
    };
}

/// <summary>Uses <see cref="CheckboxBooleanModelBinder"/> for every bool and bool? that MVC and Razor Pages bind.</summary>
public sealed class CheckboxBooleanModelBinderProvider : IModelBinderProvider
{
    private static readonly CheckboxBooleanModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(bool) ? Binder : null;
}
