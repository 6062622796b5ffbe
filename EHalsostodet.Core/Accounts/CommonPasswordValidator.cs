using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace EHalsostodet.Core.Accounts;

/// <summary>
/// Refuses common and easily guessed passwords (ASVS 2.1.7) with a local list and patterns, on
/// every path that sets a password through Identity (registration, reset, change, accounts made
/// by an administrator): a listed password or word, alone or with only digits and signs around it
/// (<c>Password1234</c>, <c>Sommar2024!!</c>, <c>Lösenord-2026</c>, <c>P@ssw0rd1234</c>); a season,
/// month or weekday with a year; a keyboard row (<c>Qwertyuiop12</c>); a run such as
/// <c>123456789012</c> or <c>abcdefghijkl</c>; one short unit repeated; and the portal's own name.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    public const string Code = "CommonPassword";

    public const string Message =
        "Lösenordet är för vanligt eller för lätt att gissa, till exempel ett vanligt ord med årtal, en tangentbordsrad eller webbplatsens namn. " +
        "Välj ett längre och mer personligt lösenord, gärna flera ord i en mening.";

    private static readonly string[] KeyboardRows = ["1234567890", "qwertyuiopa", "asdfghjkloa", "zxcvbnm", "qwertzuiop", "azertyuiop", "qazwsxedcrfvtgbyhnujmikolp"];

    private static readonly HashSet<string> Listed = LoadList();

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password) =>
        Task.FromResult(IsCommon(password ?? "")
            ? IdentityResult.Failed(new IdentityError { Code = Code, Description = Message })
            : IdentityResult.Success);

    public static bool IsCommon(string password)
    {
        var folded = Fold(password.Trim());
        if (folded.Length == 0)
        {
            return false;
        }
        if (Listed.Contains(folded) || IsPattern(folded))
        {
            return true;
        }
        // The word inside digits and signs: "sommar" in "Sommar2024!!", "password" in "P@ssw0rd1234".
        var core = TrimToLetters(folded);
        var letters = new string(core.Select(Leet).Where(char.IsLetter).ToArray());
        var plainLetters = new string(core.Where(char.IsLetter).ToArray());
        foreach (var candidate in new[] { core, letters, plainLetters }.Where(c => c.Length > 0).Distinct())
        {
            if (Listed.Contains(candidate) || IsPattern(candidate) || Repeated(candidate, Listed))
            {
                return true;
            }
        }
        // Nothing but digits and signs: a run or a repetition is as weak as a word.
        return core.Length == 0 && IsPattern(new string(folded.Where(char.IsDigit).ToArray()));
    }

    /// <summary>Keyboard rows and runs (forwards or backwards), and one short unit over and over.</summary>
    private static bool IsPattern(string text)
    {
        if (text.Length < 4)
        {
            return false;
        }
        var reversed = new string(text.Reverse().ToArray());
        if (KeyboardRows.Any(row => row.Contains(text, StringComparison.Ordinal) || row.Contains(reversed, StringComparison.Ordinal)))
        {
            return true;
        }
        if (IsRun(text) || IsRun(reversed))
        {
            return true;
        }
        return Repeated(text, null);
    }

    /// <summary>Each character one after the previous: "abcdef", "456789", and digits round the clock: "789012".</summary>
    private static bool IsRun(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            var next = text[i - 1] == '9' ? '0' : (char)(text[i - 1] + 1);
            if (text[i] != next)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The text is one unit over and over ("abcabcabcabc", "sommarsommar"); with <paramref name="words"/>, a listed unit.</summary>
    private static bool Repeated(string text, HashSet<string>? words)
    {
        for (var length = 1; length <= text.Length / 2; length++)
        {
            if (text.Length % length != 0)
            {
                continue;
            }
            var unit = text[..length];
            if ((words is null ? length <= 4 : words.Contains(unit)) && string.Concat(Enumerable.Repeat(unit, text.Length / length)) == text)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The text from its first letter to its last: "sommar" of "!!sommar2024!!".</summary>
    private static string TrimToLetters(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && !char.IsLetter(text[start]))
        {
            start++;
        }
        while (end > start && !char.IsLetter(text[end - 1]))
        {
            end--;
        }
        return text[start..end];
    }

    private static char Leet(char c) => c switch
    {
        '@' or '4' => 'a',
        '0' => 'o',
        '1' or '!' => 'i',
        '3' => 'e',
        '5' or '$' => 's',
        '7' or '+' => 't',
        _ => c,
    };

    /// <summary>Lower case without diacritics: å and ä become a, ö o, é e.</summary>
    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        return new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray())
            .Normalize(NormalizationForm.FormC);
    }

    private static HashSet<string> LoadList()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("EHalsostodet.Core.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("Listan över vanliga lösenord saknas i programmet.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } word && !word.StartsWith('#'))
            {
                words.Add(Fold(word));
            }
        }
        return words;
    }
}
