namespace EHalsostodet.Benchmarks.Search.Queries;

/// <summary>One query of the mix, as a user types it and as the naive baseline looks for it.</summary>
/// <param name="Text">What the user types into the search box.</param>
/// <param name="Substrings">What the LIKE baseline requires, each in the title or the document.</param>
/// <param name="Filter">A facet value the hits must have, e.g. (tag, trygghetslarm).</param>
public sealed record BenchmarkQuery(QueryKind Kind, string Text, IReadOnlyList<string> Substrings, (string Facet, string Value)? Filter = null);
