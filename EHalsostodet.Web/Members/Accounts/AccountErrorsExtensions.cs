using EHalsostodet.Core.Members.Accounts;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace EHalsostodet.Web.Members.Accounts;

internal static class AccountErrorsExtensions
{
    /// <summary>Adds Core's account errors to a form's model state; the Core field names map to the form's properties.</summary>
    public static void AddAccountErrors(this ModelStateDictionary modelState, IEnumerable<AccountError> errors, IReadOnlyDictionary<string, string> fields)
    {
        foreach (var error in errors)
        {
            modelState.AddModelError(fields.GetValueOrDefault(error.Field, ""), error.Message);
        }
    }
}
