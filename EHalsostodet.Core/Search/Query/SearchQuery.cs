using System.Diagnostics.CodeAnalysis;

namespace EHalsostodet.Core.Search.Query;

/// <summary>
/// A node of a parsed search query. The tree is built by <see cref="SearchQueryParser"/> and turned into
/// a Lucene query by <see cref="Lucene.LuceneQueryBuilder"/>; user text never
/// reaches the engine except as the text of <see cref="Term"/> nodes.
/// </summary>
public abstract record SearchNode;

/// <summary>One word. <paramref name="IsPrefix"/> means the word was typed with a trailing <c>*</c>.</summary>
public sealed record Term(string Text, bool IsPrefix = false) : SearchNode;

/// <summary>Words that must occur next to each other in this order (typed within double quotes).</summary>
public sealed record Phrase(IReadOnlyList<Term> Terms) : SearchNode;

/// <summary>All children must match. <see cref="Not"/> children exclude.</summary>
[SuppressMessage("Naming", "CA1716", Justification = "C# only; the names are the query operators they represent.")]
public sealed record And(IReadOnlyList<SearchNode> Children) : SearchNode;

/// <summary>At least one child must match.</summary>
[SuppressMessage("Naming", "CA1716", Justification = "C# only; the names are the query operators they represent.")]
public sealed record Or(IReadOnlyList<SearchNode> Children) : SearchNode;

/// <summary>An exclusion; only meaningful as a child of an <see cref="And"/> with at least one positive child.</summary>
[SuppressMessage("Naming", "CA1716", Justification = "C# only; the names are the query operators they represent.")]
public sealed record Not(SearchNode Inner) : SearchNode;
