using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EHalsostodet.Web.Pages;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Run again for a failed request, the response already has its status (also 400 or 413 after an
        // exception for a body that could not be read); the code in the address may not have been bound.
        var reExecuted = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null;
        var status = reExecuted ? Response.StatusCode : code ?? 500;
        (Heading, Explanation) = status switch
        {
            404 => ("Sidan finns inte", "Vi hittar inte sidan du söker. Den kan ha flyttats eller tagits bort, eller så är adressen felstavad."),
            403 => ("Du saknar behörighet", "Du har inte behörighet att se den här sidan."),
            400 => ("Felaktig begäran", "Begäran kunde inte tolkas: ett formulär eller en fil kom inte fram hel, eller texten innehöll otillåtna tecken. Kontrollera det du skickade och försök igen."),
            413 => ("För stort", "Det du skickade är större än vad som tas emot. Välj en mindre fil och försök igen."),
            405 => ("Åtgärden stöds inte", "Adressen finns inte, eller så går det inte att skicka formulär till den. Kontrollera adressen och försök igen."),
            429 => ("För många förfrågningar", "Du har gjort många förfrågningar på kort tid. Vänta en stund och försök igen."),
            _ => ("Något gick fel", "Ett oväntat fel inträffade. Försök igen om en stund. Om felet kvarstår kan du kontakta redaktionen."),
        };
        // Only set a status when reached directly; a re-executed request keeps the original one.
        if (!reExecuted)
        {
            Response.StatusCode = status is >= 400 and <= 599 ? status : 404;
        }
    }
}
