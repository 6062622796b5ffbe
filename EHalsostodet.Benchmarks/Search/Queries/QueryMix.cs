using EHalsostodet.Core.Publishing;

namespace EHalsostodet.Benchmarks.Search.Queries;

/// <summary>
/// The fixed query mix: for each kind, queries drawn from a list of Swedish searches in a
/// seeded order, so every run asks the same questions.
/// </summary>
public static class QueryMix
{
    /// <summary>Words in nearly every story: the broadest searches, which every mix includes.</summary>
    public static readonly string[] BroadWords = ["kommunen", "brukarna"];

    private static readonly string[] Words =
    [
        "trygghetslarm", "larmen", "nattkamera", "läkemedelsrobot", "videosamtal", "hemtjänsten", "sensorer", "brukarna",
        "anhöriga", "upphandlingen", "distansmonitorering", "duschrobot", "bildstöd", "nyttokalkylen", "samtycket", "integritet",
        "LSS", "IFO", "kommunen", "demensboendet",
    ];

    private static readonly string[] Phrases =
    [
        "digital tillsyn", "särskilt boende", "ekonomiskt bistånd", "daglig verksamhet", "digitala lås", "digital signering",
        "mobil dokumentation", "förändrade arbetssätt", "ordinarie förvaltning", "digitala trygghetslarm",
    ];

    private static readonly string[] Prefixes =
    [
        "tryggh", "nattkam", "läkemedel", "video", "digi", "sensor", "hemtj", "välfärdst", "distans", "automat", "larm", "upphandl",
    ];

    private static readonly string[] FacetedWords = ["trygghetslarm", "videosamtal", "nattkamera", "hemtjänsten", "brukarna", "digitala", "läkemedelsrobot", "anhöriga"];

    private static readonly (string Facet, string Value)[] Filters =
    [
        (FacetNames.Tag, "trygghetslarm"), (FacetNames.Tag, "upphandling"), (FacetNames.OperationalArea, "elderlyCare"),
        (FacetNames.ProcessStep, "implement"), (FacetNames.BenefitTarget, "staff"), (FacetNames.MunicipalityGroup, "C8"),
        (FacetNames.Outcome, "partlySuccessful"),
    ];

    private static readonly string[] Misspellings =
    [
        "trygghetslram", "nattkamrea", "läkemedlesrobot", "videosamtla", "upphandlnig", "distansmonitorring", "välfärdstenik",
        "anhörgia", "digitalisring", "integirtet",
    ];

    /// <param name="counties">Counties to filter on, from the database's municipalities.</param>
    public static IReadOnlyList<BenchmarkQuery> Create(int perKind, int seed, IReadOnlyList<string> counties)
    {
        var random = new Random(seed);
        var countyFilters = counties.Order(StringComparer.Ordinal).Select(c => (FacetNames.County, c));
        var filters = Filters.Concat(countyFilters).ToArray();
        return
        [
            .. Draw(random, Words, perKind, first: BroadWords).Select(w => new BenchmarkQuery(QueryKind.SingleWord, w, [w])),
            .. Draw(random, Phrases, perKind).Select(p => new BenchmarkQuery(QueryKind.Phrase, $"\"{p}\"", [p])),
            .. Draw(random, Prefixes, perKind).Select(p => new BenchmarkQuery(QueryKind.Prefix, p + "*", [p])),
            .. Draw(random, FacetedWords, perKind).Zip(Draw(random, filters, perKind))
                .Select(q => new BenchmarkQuery(QueryKind.Faceted, q.First, [q.First], q.Second)),
            .. Draw(random, Misspellings, perKind).Select(m => new BenchmarkQuery(QueryKind.Misspelled, m, [m])),
        ];
    }

    /// <summary>Every item once in a shuffled order (<paramref name="first"/> leading), then again, until there are enough.</summary>
    private static IEnumerable<T> Draw<T>(Random random, IReadOnlyList<T> items, int count, IReadOnlyList<T>? first = null)
    {
        var order = items.ToArray();
        random.Shuffle(order);
        if (first is not null)
        {
            order = [.. first, .. order.Except(first)];
        }
        return Enumerable.Range(0, count).Select(i => order[i % order.Length]);
    }
}
