using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EHalsostodet.Core.Persistence;

/// <summary>
/// Text with the NUL character (U+0000) never reaches the database: PostgreSQL cannot store it
/// in text and fails the whole request, while SQLite would keep it and cut it short in places.
/// Every command is checked, whatever form, API or job the text came from, and refused with
/// <see cref="UnstorableTextException"/>, which the web layer answers with 400.
/// </summary>
public sealed class NulTextGuard : DbCommandInterceptor
{
    // EF calls this once for every command it is about to run (reader, non-query or scalar, sync or
    // async), after the parameters are set and before anything is sent.
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        Check(result);
        return result;
    }

    private static void Check(DbCommand command)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            if (HasNul(parameter.Value))
            {
                throw new UnstorableTextException();
            }
        }
    }

    private static bool HasNul(object? value) => value switch
    {
        string text => text.Contains('\0', StringComparison.Ordinal),
        IEnumerable<string?> texts => texts.Any(t => t?.Contains('\0', StringComparison.Ordinal) == true),
        _ => false,
    };
}

/// <summary>Text with the NUL character was about to be stored or searched for; the request that sent it is at fault.</summary>
public sealed class UnstorableTextException()
    : InvalidOperationException("Texten innehåller tecknet NUL (\\0), som inte kan sparas eller sökas efter. Ta bort det och försök igen.");
