namespace EHalsostodet.Core.Content;

/// <summary>A rule a document breaks, with the field's JSON path and a Swedish message.</summary>
public sealed record ValidationError(string Field, string Message);

/// <summary>
/// The one set of rules for documents, for the management API, the back-office forms and uSync
/// import alike: <see cref="Validate"/> what any saved version must keep (a draft may be
/// incomplete), <see cref="ValidateForReview"/> what it must also hold before it is sent for
/// review, approved or published. Rules that need the database (unique slugs, existing
/// references) belong to <see cref="ContentRules"/>.
/// </summary>
public static class DocumentValidator
{
    public const int MaxTitleLength = 200;
    public const int MaxShortDescriptionLength = 300;

    public static IReadOnlyList<ValidationError> Validate(IContentDocument document)
    {
        // Null anywhere is refused first: the other rules, and every page, read those fields.
        var nulls = NullFields.In(document).Select(NullError).ToList();
        if (nulls.Count > 0)
        {
            return nulls;
        }
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(document.Title))
        {
            errors.Add(new("title", "Ange en titel."));
        }
        else if (document.Title.Length > MaxTitleLength)
        {
            errors.Add(new("title", $"Titeln får vara högst {MaxTitleLength} tecken."));
        }
        if (!Slugs.IsValid(document.Slug))
        {
            errors.Add(new("slug", "Adressnamnet (slug) får bara innehålla små bokstäver a–z, siffror och bindestreck, till exempel \"digital-nattillsyn\"."));
        }
        RefuseReservedSlug(document, errors);

        switch (document)
        {
            case StoryDocument story:
                ValidateStory(story, errors);
                break;
            case CollectionDocument collection:
                if (collection.StoryIds.Distinct().Count() != collection.StoryIds.Count)
                {
                    errors.Add(new("storyIds", "Samma kommunberättelse finns två gånger i samlingen."));
                }
                break;
            case InitiativeDocument initiative:
                for (var i = 0; i < initiative.Links.Count; i++)
                {
                    if (!IsWebAddress(initiative.Links[i].Url))
                    {
                        errors.Add(new($"links[{i}].url", "Länken måste vara en fullständig webbadress som börjar med https:// eller http://."));
                    }
                }
                break;
        }
        return errors;
    }

    /// <summary>
    /// The fields a draft may still lack but content under review or on the site may not. Every
    /// version has passed <see cref="Validate"/> when it was saved.
    /// </summary>
    public static IReadOnlyList<ValidationError> ValidateForReview(IContentDocument document)
    {
        var errors = new List<ValidationError>();
        switch (document)
        {
            case StoryDocument story:
                if (string.IsNullOrWhiteSpace(story.ShortDescription))
                {
                    errors.Add(new("shortDescription", "Skriv en kort beskrivning till kortet."));
                }
                if (string.IsNullOrWhiteSpace(story.MunicipalityCode))
                {
                    errors.Add(new("municipalityCode", "Välj kommun."));
                }
                if (story.OperationalAreas is not { Count: > 0 })
                {
                    errors.Add(new("operationalAreas", "Välj minst ett verksamhetsområde."));
                }
                break;
            case CollectionDocument collection when collection.StoryIds is not { Count: >= 2 }:
                errors.Add(new("storyIds", "En samling ska innehålla minst två kommunberättelser."));
                break;
            case InitiativeDocument initiative:
                if (string.IsNullOrWhiteSpace(initiative.Purpose))
                {
                    errors.Add(new("purpose", "Beskriv initiativets syfte."));
                }
                if (initiative.Organisations is not { Count: > 0 })
                {
                    errors.Add(new("organisations", "Ange minst en ansvarig organisation."));
                }
                break;
        }
        return errors;
    }

    private static void ValidateStory(StoryDocument story, List<ValidationError> errors)
    {
        if (story.ShortDescription.Length > MaxShortDescriptionLength)
        {
            errors.Add(new("shortDescription", $"Den korta beskrivningen får vara högst {MaxShortDescriptionLength} tecken."));
        }
        if (story.Period is { } period && period.EndYear < period.StartYear)
        {
            errors.Add(new("period.endYear", "Slutåret kan inte vara före startåret."));
        }

        RequireNames(story.Roles.Actors, a => a.Name, "roles.actors", "Ange aktörens namn.", errors);
        RequireNames(story.Roles.Forums, f => f.Name, "roles.forums", "Ange forumets namn.", errors);
        RequireNames(story.Technology.Products, p => p.Name, "technology.products", "Ange produktens eller tjänstens namn.", errors);
        RequireNames(story.Contacts, c => c.Name, "contacts", "Ange kontaktpersonens namn.", errors);

        var steps = story.Process.Steps;
        if (steps.Count > 0 && !steps.Select(s => s.Step).SequenceEqual(Enum.GetValues<ProcessStepKind>()))
        {
            errors.Add(new("process.steps", "Processbeskrivningen ska ha stegen Identifiera, Undersöka, Testa, Införa och Förvalta, i den ordningen och en gång vardera."));
        }
        for (var i = 0; i < story.Benefits.Effects.Count; i++)
        {
            var effect = story.Benefits.Effects[i];
            for (var j = 0; j < effect.Indicators.Count; j++)
            {
                if (string.IsNullOrWhiteSpace(effect.Indicators[j].Name))
                {
                    errors.Add(new($"benefits.effects[{i}].indicators[{j}].name", "Ge indikatorn ett namn."));
                }
            }
        }
        if (story.Benefits.Effects.Select(e => e.Target).Distinct().Count() != story.Benefits.Effects.Count)
        {
            errors.Add(new("benefits.effects", "Varje målgrupp för nyttoeffekter får bara förekomma en gång."));
        }
        for (var i = 0; i < story.Contacts.Count; i++)
        {
            var email = story.Contacts[i].Email;
            if (email.Length > 0 && !System.Net.Mail.MailAddress.TryCreate(email, out _))
            {
                errors.Add(new($"contacts[{i}].email", "E-postadressen ser inte ut att vara giltig."));
            }
        }
        foreach (var tag in story.Tags)
        {
            if (string.IsNullOrWhiteSpace(tag) || tag.Length > 60)
            {
                errors.Add(new("tags", "En tagg måste ha ett namn på högst 60 tecken."));
                break;
            }
        }
    }

    /// <summary>A slug that names one of the portal's own addresses (/redaktion, /api, /sok …) is refused.</summary>
    private static void RefuseReservedSlug(IContentDocument document, List<ValidationError> errors)
    {
        if (ReservedSlugs.Contains(document.Slug))
        {
            errors.Add(new("slug", $"Adressnamnet \"{document.Slug}\" används redan av portalen själv (till exempel /{document.Slug}). Välj ett annat adressnamn."));
        }
    }

    private static ValidationError NullError(NullField field) => field switch
    {
        { NulCharacter: true } => new(field.Path, $"Fältet {field.Path} innehåller tecknet NUL (\\u0000), som inte är tillåtet. Ta bort det."),
        _ when field.Path.EndsWith(']') => new(field.Path, $"Raden {field.Path} är tom (null). Ta bort den ur listan eller fyll i den."),
        _ => new(field.Path, $"Fältet {field.Path} får inte vara null."),
    };

    private static void RequireNames<T>(IReadOnlyList<T> rows, Func<T, string> name, string path, string message, List<ValidationError> errors)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(name(rows[i])))
            {
                errors.Add(new($"{path}[{i}].name", message));
            }
        }
    }

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
