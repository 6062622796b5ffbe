using System.Globalization;

namespace EHalsostodet.Benchmarks;

/// <summary>Options of the form <c>--name value</c> or <c>--flag</c>; a name may be repeated.</summary>
public sealed class CommandLineArguments
{
    private readonly Dictionary<string, List<string?>> _options = new(StringComparer.Ordinal);

    private CommandLineArguments()
    {
    }

    public static CommandLineArguments Parse(IEnumerable<string> args)
    {
        var result = new CommandLineArguments();
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                if (pending is not null)
                {
                    result.Add(pending, null);
                }
                pending = arg[2..];
            }
            else if (pending is not null)
            {
                result.Add(pending, arg);
                pending = null;
            }
            else
            {
                throw new UsageException($"Unexpected argument \"{arg}\"; options are written --name value.");
            }
        }
        if (pending is not null)
        {
            result.Add(pending, null);
        }
        return result;
    }

    public IEnumerable<string> Names => _options.Keys;

    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>Every value given for a repeatable integer option, or the default when none was given.</summary>
    public IReadOnlyList<int> Numbers(string name, int min, int max, params int[] defaults) =>
        _options.TryGetValue(name, out var values) ? values.Select(v => ToNumber(name, v, min, max)).ToList() : defaults;

    public int Number(string name, int min, int max, int defaultValue)
    {
        var values = Numbers(name, min, max, defaultValue);
        return values.Count == 1 ? values[0] : throw new UsageException($"--{name} may be given only once.");
    }

    /// <summary>The one text value of an option, or null when it was not given.</summary>
    public string? Text(string name)
    {
        if (!_options.TryGetValue(name, out var values))
        {
            return null;
        }
        return values is [{ Length: > 0 } value] ? value : throw new UsageException($"--{name} needs one value, given once.");
    }

    private void Add(string name, string? value)
    {
        if (!_options.TryGetValue(name, out var values))
        {
            _options[name] = values = [];
        }
        values.Add(value);
    }

    private static int ToNumber(string name, string? value, int min, int max)
    {
        if (value is null || !int.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new UsageException($"--{name} needs a whole number.");
        }
        if (number < min || number > max)
        {
            throw new UsageException($"--{name} must be between {min} and {max}.");
        }
        return number;
    }
}
