using System.Text.RegularExpressions;

namespace EHalsostodet.Core.Search;

/// <summary>A visitor's text with personal data replaced by placeholders, and the placeholders it holds.</summary>
/// <param name="Text">The text with a placeholder where personal data was.</param>
/// <param name="Masks">The placeholders in <paramref name="Text"/>, each once, in the order found.</param>
public sealed record MaskedText(string Text, IReadOnlyList<string> Masks)
{
    /// <summary>The text without the placeholders, for what is counted by its words.</summary>
    public string WithoutMasks => Masks.Aggregate(Text, (text, mask) => text.Replace(mask, " ", StringComparison.Ordinal));
}

/// <summary>
/// Masks personal data in what visitors type before any of it is stored or logged: Swedish
/// personnummer and samordningsnummer in their usual forms (ÅÅMMDD-NNNN, ÅÅMMDD+NNNN,
/// ÅÅÅÅMMDD-NNNN, without a hyphen, with a space), e-mail addresses (anything with an @ inside
/// a word) and phone numbers (starting with 0, + or 00 and holding 7–15 digits, with spaces,
/// hyphens, slashes or parentheses between). When in doubt it masks: a statistic loses a word
/// rather than keep a person's number.
/// </summary>
public static partial class PersonalDataMask
{
    public const string PersonalIdentityNumber = "[personnummer]";
    public const string CoordinationNumber = "[samordningsnummer]";
    public const string EmailAddress = "[e-postadress]";
    public const string PhoneNumber = "[telefonnummer]";

    private static readonly string[] All = [PersonalIdentityNumber, CoordinationNumber, EmailAddress, PhoneNumber];

    public static MaskedText Mask(string text)
    {
        var found = new List<string>();
        string Found(string mask)
        {
            if (!found.Contains(mask))
            {
                found.Add(mask);
            }
            return mask;
        }
        text = Email().Replace(text, _ => Found(EmailAddress));
        text = IdentityNumber().Replace(text, match => int.Parse(match.Groups["day"].Value, System.Globalization.CultureInfo.InvariantCulture) switch
        {
            >= 1 and <= 31 => Found(PersonalIdentityNumber),
            >= 61 and <= 91 => Found(CoordinationNumber),
            _ => match.Value,
        });
        text = Phone().Replace(text, match => match.Value.Count(char.IsAsciiDigit) is >= 7 and <= 15 ? Found(PhoneNumber) : match.Value);
        return new MaskedText(text, found);
    }

    /// <summary>Whether a stored text holds a placeholder for masked personal data.</summary>
    public static bool HasMask(string text) => All.Any(mask => text.Contains(mask, StringComparison.Ordinal));

    [GeneratedRegex(@"[^\s@]+@[^\s@]+")]
    private static partial Regex Email();

    /// <summary>Birth date (with or without century) and four digits; the day is 61–91 in a samordningsnummer.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?<day>\d{2}) ?[-–+]? ?\d{4}(?![\p{L}\p{N}])")]
    private static partial Regex IdentityNumber();

    [GeneratedRegex(@"(?<![\p{L}\p{N}+])(?:\+|\(0|0)[\d \u00A0\-–()/]*\d(?![\p{L}\p{N}])")]
    private static partial Regex Phone();
}
