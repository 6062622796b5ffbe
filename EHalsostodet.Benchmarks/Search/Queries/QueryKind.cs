namespace EHalsostodet.Benchmarks.Search.Queries;

/// <summary>The kinds of query in the benchmark's fixed mix, in report order.</summary>
public enum QueryKind
{
    SingleWord,
    Phrase,
    Prefix,
    Faceted,
    Misspelled,
}

public static class QueryKinds
{
    public static string Label(this QueryKind kind) => kind switch
    {
        QueryKind.SingleWord => "single word",
        QueryKind.Phrase => "phrase",
        QueryKind.Prefix => "prefix",
        QueryKind.Faceted => "faceted",
        QueryKind.Misspelled => "misspelled",
        _ => kind.ToString(),
    };
}
