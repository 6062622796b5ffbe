using EHalsostodet.Core.Publishing;
using EHalsostodet.Core.Search;

namespace EHalsostodet.Tests.Search;

/// <summary>Which facets the search page offers: only those that can narrow the hits, or undo a choice.</summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class ShownFacetsTests
{
    private static readonly Dictionary<string, IReadOnlyList<string>> NoFilters = [];

    private static SearchResults Results(int total, params (string Facet, FacetCount[] Counts)[] facets) =>
        new(total, [], Facets: facets.ToDictionary(f => f.Facet, f => (IReadOnlyList<FacetCount>)f.Counts));

    private static List<string> Names(IReadOnlyList<ShownFacet> shown) => shown.Select(f => f.Name).ToList();

    [TestMethod]
    public void A_facet_whose_every_value_is_on_every_hit_is_left_out_unless_a_value_is_chosen()
    {
        var steps = new FacetCount[] { new("identify", 4, false), new("manage", 4, false) };
        var results = Results(4, (FacetLabels.Type, [new("story", 4, false)]), (FacetNames.ProcessStep, steps), (FacetNames.County, [new("Hallands län", 1, false), new("Skåne län", 3, false)]));

        CollectionAssert.AreEqual(new[] { FacetNames.County }, Names(ShownFacets.For(results, NoFilters)));

        var chosen = Results(4, (FacetNames.ProcessStep, [new("identify", 4, true), new("manage", 4, false)]));
        CollectionAssert.AreEqual(new[] { FacetNames.ProcessStep }, Names(ShownFacets.For(chosen, new Dictionary<string, IReadOnlyList<string>> { [FacetNames.ProcessStep] = ["identify"] })));
    }

    [TestMethod]
    public void Initiative_facets_show_only_while_initiatives_are_among_the_hits()
    {
        var areas = (FacetNames.InitiativeArea, new FacetCount[] { new("procurement", 1, false), new("law", 2, false) });
        var mixed = Results(5, (FacetLabels.Type, [new("story", 2, false), new("initiative", 3, false)]), areas);

        CollectionAssert.Contains(Names(ShownFacets.For(mixed, NoFilters)), FacetNames.InitiativeArea);
        // The type facet still counts initiatives when stories alone are chosen, but none are among the hits.
        var storiesOnly = new Dictionary<string, IReadOnlyList<string>> { [FacetLabels.Type] = ["story"] };
        var narrowed = Results(2, (FacetLabels.Type, [new("story", 2, true), new("initiative", 3, false)]), areas);
        CollectionAssert.DoesNotContain(Names(ShownFacets.For(narrowed, storiesOnly)), FacetNames.InitiativeArea);
    }

    [TestMethod]
    public void A_long_facet_lists_its_twelve_largest_values_and_every_chosen_one()
    {
        var tags = Enumerable.Range(1, 20).Select(i => new FacetCount($"tagg-{i}", 30 - i, i == 18)).ToArray();

        var shown = ShownFacets.For(Results(40, (FacetNames.Tag, tags)), new Dictionary<string, IReadOnlyList<string>> { [FacetNames.Tag] = ["tagg-18"] });

        var values = shown.Single().Values.Select(v => v.Value).ToList();
        Assert.AreEqual(ShownFacets.MaxValues + 1, values.Count);
        CollectionAssert.Contains(values, "tagg-18");
    }
}
