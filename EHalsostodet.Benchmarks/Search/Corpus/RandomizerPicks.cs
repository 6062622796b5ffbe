using Bogus;

namespace EHalsostodet.Benchmarks.Search.Corpus;

internal static class RandomizerPicks
{
    public static T Pick<T>(this Randomizer random, IReadOnlyList<T> items) => items[random.Int(0, items.Count - 1)];

    /// <summary>Distinct items in a random order.</summary>
    public static List<T> PickSome<T>(this Randomizer random, IReadOnlyList<T> items, int count) => random.Shuffle(items).Take(count).ToList();
}
