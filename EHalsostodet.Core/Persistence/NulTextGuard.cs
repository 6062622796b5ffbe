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
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
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
