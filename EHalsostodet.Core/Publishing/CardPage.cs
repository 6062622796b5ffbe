namespace EHalsostodet.Core.Publishing;

/// <summary>One page of a long list of cards, and how many there are in all.</summary>
public sealed record CardPage<T>(IReadOnlyList<T> Items, int Total)
{
    public int PageCount(int pageSize) => Math.Max(1, (Total + pageSize - 1) / pageSize);
}

internal static class Paging
{
    /// <summary>How many rows come before the page (pages count from 1).</summary>
    public static int Skip(int page, int pageSize) => (int)Math.Min(int.MaxValue, (Math.Max(1, (long)page) - 1) * pageSize);
}
