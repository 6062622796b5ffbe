using System.Collections;
using System.Globalization;

namespace EHalsostodet.Web.BackOffice.Editing;

/// <summary>
/// A repeatable group of rows in an editor form, by its form path ("roles.actors"): the list, how
/// an empty row is made, and what else changes when two rows swap places.
/// </summary>
public sealed record RowGroup(string Name, IList Rows, Func<object> NewRow, Action<int, int>? Swapped = null);

/// <summary>
/// The row buttons of the editor forms, which work without JavaScript: "Fler rader" (rows:{group}),
/// "Ta bort" (remove:{group}:{row}), "Flytta upp" (up:…) and "Flytta ned" (down:…). The form comes
/// back with the change made and nothing saved.
/// </summary>
public static class FormRows
{
    public const int EmptyRows = 2;

    public const string Add = "rows";
    public const string Remove = "remove";
    public const string Up = "up";
    public const string Down = "down";

    /// <summary>The value of a row's button: "up:contacts:2".</summary>
    public static string Action(string operation, string group, int row) =>
        string.Create(CultureInfo.InvariantCulture, $"{operation}:{group}:{row}");

    public static string AddAction(string group) => $"{Add}:{group}";

    /// <summary>Empty rows at the end of every group, as a new or freshly loaded form has them.</summary>
    public static void AddEmptyRows(IContentForm form)
    {
        foreach (var group in form.RowGroups())
        {
            Grow(group);
        }
    }

    /// <summary>Carries out a row button's action; false when the action is not one.</summary>
    public static bool Apply(IContentForm form, string action)
    {
        var parts = action.Split(':');
        if (parts[0] == Add)
        {
            var named = parts.Length > 1 ? form.RowGroups().FirstOrDefault(g => g.Name == parts[1]) : null;
            if (named is null)
            {
                // An unknown group (an old page, a hand-made post): more rows everywhere rather than nothing.
                AddEmptyRows(form);
            }
            else
            {
                Grow(named);
            }
            return true;
        }
        if (parts.Length != 3 || parts[0] is not (Remove or Up or Down) ||
            !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var row))
        {
            return false;
        }
        if (form.RowGroups().FirstOrDefault(g => g.Name == parts[1]) is not { } group || row >= group.Rows.Count)
        {
            // The row is gone already (the page was sent twice): the form comes back as it was.
            return true;
        }
        switch (parts[0])
        {
            case Remove:
                group.Rows.RemoveAt(row);
                break;
            case Up when row > 0:
                Swap(group, row - 1, row);
                break;
            case Down when row < group.Rows.Count - 1:
                Swap(group, row, row + 1);
                break;
        }
        return true;
    }

    private static void Grow(RowGroup group)
    {
        for (var i = 0; i < EmptyRows; i++)
        {
            group.Rows.Add(group.NewRow());
        }
    }

    private static void Swap(RowGroup group, int first, int second)
    {
        (group.Rows[first], group.Rows[second]) = (group.Rows[second], group.Rows[first]);
        group.Swapped?.Invoke(first, second);
    }
}
