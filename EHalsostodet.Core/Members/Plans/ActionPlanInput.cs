using System.Globalization;

namespace EHalsostodet.Core.Members.Plans;

/// <summary>A task as typed into a form; <see cref="Validate"/> says in Swedish what is wrong, field by field.</summary>
public sealed record ActionPlanTaskInput(string? Text, string? Owner, string? DueDate)
{
    public const int MaxTextLength = 1000;
    public const int MaxOwnerLength = 200;

    public string CleanText => (Text ?? "").Trim();

    public string CleanOwner => (Owner ?? "").Trim();

    /// <summary>The due date, or null when none was given; only meaningful after <see cref="Validate"/> passed.</summary>
    public DateOnly? ParsedDueDate => TryParseDate(DueDate, out var date) ? date : null;

    /// <returns>(field, message) pairs with the fields "text", "owner" and "dueDate".</returns>
    public IReadOnlyList<(string Field, string Message)> Validate()
    {
        var errors = new List<(string, string)>();
        if (CleanText.Length == 0)
        {
            errors.Add(("text", "Skriv vad som ska göras."));
        }
        else if (CleanText.Length > MaxTextLength)
        {
            errors.Add(("text", $"Uppgiften får vara högst {MaxTextLength} tecken. Den är nu {CleanText.Length} tecken."));
        }
        if (CleanOwner.Length > MaxOwnerLength)
        {
            errors.Add(("owner", $"Ansvarig får vara högst {MaxOwnerLength} tecken."));
        }
        if (!string.IsNullOrWhiteSpace(DueDate) && !TryParseDate(DueDate, out _))
        {
            errors.Add(("dueDate", "Ange ett giltigt datum som ÅÅÅÅ-MM-DD, till exempel 2027-03-15."));
        }
        return errors;
    }

    private static bool TryParseDate(string? value, out DateOnly date)
    {
        date = default;
        return !string.IsNullOrWhiteSpace(value) &&
            DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}

/// <summary>Checks of the plan's title and a step's notes.</summary>
public static class ActionPlanText
{
    public const int MaxTitleLength = 200;
    public const int MaxNotesLength = 10_000;

    public static string? TitleError(string? title)
    {
        var clean = (title ?? "").Trim();
        if (clean.Length == 0)
        {
            return "Ange ett namn på handlingsplanen.";
        }
        return clean.Length > MaxTitleLength ? $"Namnet får vara högst {MaxTitleLength} tecken." : null;
    }

    public static string? NotesError(string? notes) =>
        (notes ?? "").Trim().Length > MaxNotesLength ? $"Anteckningarna får vara högst {MaxNotesLength} tecken." : null;

    /// <summary>The title a new plan gets, cut to fit the column.</summary>
    public static string TitleFor(string storyTitle)
    {
        var title = $"Handlingsplan: {storyTitle}";
        return title.Length <= MaxTitleLength ? title : title[..(MaxTitleLength - 1)] + "…";
    }
}
