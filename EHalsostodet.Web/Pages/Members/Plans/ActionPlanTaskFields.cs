namespace EHalsostodet.Web.Pages.Members.Plans;

/// <summary>The three fields of a task form with their values and errors; <see cref="Key"/> makes the field ids unique on the page.</summary>
public sealed record ActionPlanTaskFields(
    string Key, string? Text, string? Owner, string? DueDate, string? TextError, string? OwnerError, string? DueDateError);
