namespace EHalsostodet.Web.Pages.BackOffice.SearchTuning;

/// <summary>Why a tuning form was refused, and the id of the field to correct (null when it is about no field).</summary>
public sealed record TuningFormError(string? FieldId, string Message)
{
    /// <summary>The message for the field, or null when the error is about another one.</summary>
    public string? For(string fieldId) => FieldId == fieldId ? Message : null;
}
