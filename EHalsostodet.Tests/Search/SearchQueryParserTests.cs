using System.Text;
using EHalsostodet.Core.Search.Lucene;
using EHalsostodet.Core.Search.Query;
using EHalsostodet.Core.Search.Tuning;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using IndexSearcher = Lucene.Net.Search.IndexSearcher;
using LuceneQuery = Lucene.Net.Search.Query;
using Term = EHalsostodet.Core.Search.Query.Term;

namespace EHalsostodet.Tests.Search;

[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class SearchQueryParserTests
{
    private static readonly string[] Rows =
    [
        /* 1 */ "Digital nattillsyn ger trygghet i hemtjänsten",
        /* 2 */ "Nattillsyn med kamera kräver digital dokumentation",
        /* 3 */ "Trygghetslarm med kamera i hemmet",
        /* 4 */ "Larm med sensor vid sängen",
        /* 5 */ "Larm utan kamera för äldreomsorgen",
        /* 6 */ "Vård och omsorg på distans",
    ];

    private static string Tree(string? input) => Parse(input).Root is { } root ? Show(root) : "";

    private static ParsedQuery Parse(string? input) => SearchQueryParser.Parse(input);

    // Empty input

    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("   \t\n ")]
    [DataRow("!!! ??? …")]
    [DataRow("AND OR NOT")]
    [DataRow("\"\"")]
    [DataRow("()")]
    [DataRow("*")]
    public void Empty_input_has_no_root_and_asks_for_words(string? input)
    {
        var parsed = Parse(input);
        Assert.IsNull(parsed.Root);
        Assert.IsEmpty(parsed.PositiveTerms);
        Assert.AreEqual("Skriv ett eller flera ord att söka efter.", parsed.Message);
    }

    // Length and term limits

    [TestMethod]
    public void Input_longer_than_500_characters_is_cut_and_the_user_is_told()
    {
        // 495 + 1 + 4 = 500 characters: "tail" is the last word considered, "more" is cut away.
        var parsed = Parse(new string('x', 495) + " tail more");

        Assert.AreEqual("Sökningen kortades till 500 tecken.", parsed.Message);
        Assert.Contains("tail", parsed.PositiveTerms);
        Assert.DoesNotContain("more", parsed.PositiveTerms);
    }

    [TestMethod]
    public void Input_of_exactly_500_characters_is_not_cut()
    {
        var parsed = Parse(new string('x', 495) + " tail");
        Assert.IsNull(parsed.Message);
        Assert.Contains("tail", parsed.PositiveTerms);
    }

    [TestMethod]
    public void Cutting_never_splits_a_surrogate_pair()
    {
        var parsed = Parse(new string('x', 499) + "😀😀 larm");
        Assert.AreEqual("Sökningen kortades till 500 tecken.", parsed.Message);
        CollectionAssert.AreEqual(new[] { new string('x', 499) }, parsed.PositiveTerms.ToArray());
    }

    [TestMethod]
    public void At_most_32_terms_are_used()
    {
        var input = string.Join(" ", Enumerable.Range(1, 40).Select(i => $"ord{i}"));
        var parsed = Parse(input);

        Assert.HasCount(32, parsed.PositiveTerms);
        Assert.AreEqual("ord32", parsed.PositiveTerms[^1]);
        Assert.AreEqual("Sökningen begränsades till 32 ord.", parsed.Message);
    }

    [TestMethod]
    public void Phrase_words_and_exclusions_count_towards_the_term_limit()
    {
        var input = "\"" + string.Join(" ", Enumerable.Range(1, 30).Select(i => $"p{i}")) + "\" -a -b -c -d";
        var parsed = Parse(input);
        Assert.AreEqual("Sökningen begränsades till 32 ord.", parsed.Message);
        Assert.EndsWith("NOT \"a\" NOT \"b\"", Show(parsed.Root!));
    }

    // Words

    [TestMethod]
    public void Words_are_runs_of_letters_and_digits_and_everything_else_separates()
    {
        var parsed = Parse("E-hälsa, vård; 24/7 <script>alert(1)</script> title:x ^y");
        CollectionAssert.AreEqual(
            new[] { "e", "hälsa", "vård", "24", "7", "script", "alert", "1", "title", "x", "y" },
            parsed.PositiveTerms.ToArray(), string.Join("|", parsed.PositiveTerms));
        Assert.IsNull(parsed.Message);
    }

    [TestMethod]
    public void Words_are_lower_cased_with_swedish_letters()
    {
        var parsed = Parse("ÄLDREOMSORG Åtgärd ÖVERSIKT");
        CollectionAssert.AreEqual(new[] { "äldreomsorg", "åtgärd", "översikt" }, parsed.PositiveTerms.ToArray());
    }

    [TestMethod]
    public void Decomposed_letters_are_composed()
    {
        var parsed = Parse("a\u0308ldreomsorg");
        CollectionAssert.AreEqual(new[] { "äldreomsorg" }, parsed.PositiveTerms.ToArray());
    }

    [TestMethod]
    public void Juxtaposition_means_and()
    {
        var parsed = Parse("larm kamera");
        var and = Assert.IsInstanceOfType<And>(parsed.Root);
        Assert.HasCount(2, and.Children);
        Assert.AreEqual("\"larm\" \"kamera\"", Tree("larm kamera"));
    }

    [TestMethod]
    [DataRow("larm AND kamera")]
    [DataRow("larm OCH kamera")]
    [DataRow("AND larm AND AND kamera AND")]
    public void And_and_och_mean_and(string input)
    {
        Assert.AreEqual("\"larm\" \"kamera\"", Tree(input));
    }

    [TestMethod]
    public void Operators_in_lower_case_are_ordinary_words()
    {
        Assert.AreEqual("\"vård\" \"och\" \"omsorg\"", Tree("vård och omsorg"));
        Assert.AreEqual("\"larm\" \"or\" \"kamera\" \"not\" \"inte\"", Tree("larm or kamera not inte"));
    }

    // Phrases

    [TestMethod]
    public void Quoted_words_are_a_phrase()
    {
        var phrase = Assert.IsInstanceOfType<Phrase>(Parse("\"digital nattillsyn\"").Root);
        CollectionAssert.AreEqual(new[] { "digital", "nattillsyn" }, phrase.Terms.Select(t => t.Text).ToArray());
        Assert.AreEqual("\"digital nattillsyn\"", Tree("\"digital nattillsyn\""));
    }

    [TestMethod]
    public void An_unclosed_quote_runs_to_the_end()
    {
        Assert.AreEqual("\"larm\" \"digital nattillsyn\"", Tree("larm \"digital nattillsyn"));
    }

    [TestMethod]
    public void Operators_and_punctuation_inside_a_phrase_are_words_or_separators()
    {
        Assert.AreEqual("\"larm or kamera\"", Tree("\"larm OR (kamera)\""));
    }

    [TestMethod]
    public void A_phrase_of_one_word_is_a_term()
    {
        Assert.IsInstanceOfType<Term>(Parse("\"larm\"").Root);
    }

    [TestMethod]
    public void A_prefix_on_the_last_word_of_a_phrase_marks_the_phrase()
    {
        Assert.AreEqual("\"digital natt*\"", Tree("\"digital natt*\""));
        Assert.AreEqual("\"digi* natt\"", Tree("\"digi* natt\""));
    }

    // Exclusions

    [TestMethod]
    [DataRow("larm -kamera", "\"larm\" NOT \"kamera\"")]
    [DataRow("larm NOT kamera", "\"larm\" NOT \"kamera\"")]
    [DataRow("larm INTE kamera", "\"larm\" NOT \"kamera\"")]
    [DataRow("-kamera larm", "NOT \"kamera\" \"larm\"")]
    public void Minus_not_and_inte_exclude(string input, string expected)
    {
        var parsed = Parse(input);
        Assert.AreEqual(expected, Show(parsed.Root!));
        CollectionAssert.AreEqual(new[] { "larm" }, parsed.PositiveTerms.ToArray());
    }

    [TestMethod]
    public void A_hyphen_inside_a_word_does_not_exclude()
    {
        Assert.AreEqual("\"e\" \"hälsa\"", Tree("e-hälsa"));
    }

    [TestMethod]
    public void Phrases_and_groups_can_be_excluded()
    {
        Assert.AreEqual("\"larm\" NOT \"med kamera\"", Tree("larm -\"med kamera\""));
        Assert.AreEqual("\"larm\" NOT (\"kamera\" OR \"sensor\")", Tree("larm -(kamera OR sensor)"));
    }

    [TestMethod]
    public void A_minus_before_an_operator_word_makes_it_an_ordinary_excluded_word()
    {
        Assert.AreEqual("\"larm\" NOT \"and\"", Tree("larm -AND"));
    }

    [TestMethod]
    public void Double_negation_is_positive()
    {
        Assert.AreEqual("\"larm\"", Tree("NOT -larm"));
    }

    [TestMethod]
    [DataRow("-kamera")]
    [DataRow("-kamera NOT larm INTE sensor")]
    [DataRow("-\"med kamera\"")]
    [DataRow("(-kamera -larm)")]
    public void Only_exclusions_has_no_root_and_asks_for_a_word(string input)
    {
        var parsed = Parse(input);
        Assert.IsNull(parsed.Root);
        Assert.IsEmpty(parsed.PositiveTerms);
        Assert.AreEqual("Skriv minst ett ord att söka efter, inte bara ord att utesluta.", parsed.Message);
    }

    [TestMethod]
    public void An_exclusion_inside_or_is_ignored()
    {
        Assert.AreEqual("\"larm\"", Tree("larm OR -kamera"));
    }

    // OR

    [TestMethod]
    [DataRow("kamera OR sensor")]
    [DataRow("kamera ELLER sensor")]
    public void Or_and_eller_make_an_or_group(string input)
    {
        var or = Assert.IsInstanceOfType<Or>(Parse(input).Root);
        Assert.HasCount(2, or.Children);
        Assert.AreEqual("(\"kamera\" OR \"sensor\")", Tree(input));
    }

    [TestMethod]
    public void Or_binds_to_its_neighbours_only()
    {
        Assert.AreEqual("\"larm\" (\"kamera\" OR \"sensor\" OR \"dörr\") \"natt\"", Tree("larm kamera OR sensor ELLER dörr natt"));
    }

    [TestMethod]
    [DataRow("OR larm")]
    [DataRow("larm OR")]
    [DataRow("OR OR larm OR OR")]
    public void A_dangling_or_is_ignored(string input)
    {
        Assert.AreEqual("\"larm\"", Tree(input));
    }

    // Prefix

    [TestMethod]
    public void A_trailing_star_marks_a_prefix()
    {
        Assert.AreEqual(new Term("trygg", IsPrefix: true), Parse("trygg*").Root);
        Assert.AreEqual("\"trygg\" *", Tree("trygg*"));
        Assert.AreEqual("\"trygg\" *", Tree("trygg***"));
        Assert.AreEqual("\"trygg\"", Tree("trygg *"));
    }

    // Parentheses

    [TestMethod]
    public void Parentheses_group()
    {
        Assert.AreEqual("(\"larm\" OR \"kamera\") \"natt\"", Tree("(larm OR kamera) natt"));
        Assert.AreEqual("((\"larm\" \"natt\") OR \"kamera\")", Tree("(larm natt) OR kamera"));
    }

    [TestMethod]
    [DataRow("(larm OR kamera", "(\"larm\" OR \"kamera\")")]
    [DataRow("larm) OR (kamera", "(\"larm\" OR \"kamera\")")]
    [DataRow("))larm((", "\"larm\"")]
    [DataRow("((((((((((((larm))))))))))))", "\"larm\"")]
    public void Unbalanced_parentheses_are_ignored(string input, string expected)
    {
        Assert.AreEqual(expected, Tree(input));
    }

    // Against a real Lucene index

    [TestMethod]
    public void A_phrase_finds_the_words_together_but_not_apart()
    {
        using var index = RowIndex.Open();
        CollectionAssert.AreEquivalent(new[] { 1 }, index.Match("\"digital nattillsyn\""));
        CollectionAssert.AreEquivalent(new[] { 1, 2 }, index.Match("digital nattillsyn"));
    }

    [TestMethod]
    public void An_exclusion_removes_rows()
    {
        using var index = RowIndex.Open();
        // Row 3 too: the index splits trygghetslarm into trygghet and larm.
        CollectionAssert.AreEquivalent(new[] { 3, 4, 5 }, index.Match("larm"));
        CollectionAssert.AreEquivalent(new[] { 4 }, index.Match("larm -kamera"));
        CollectionAssert.AreEquivalent(new[] { 4 }, index.Match("larm INTE kamera"));
    }

    [TestMethod]
    public void A_prefix_finds_longer_words()
    {
        using var index = RowIndex.Open();
        CollectionAssert.AreEquivalent(new[] { 1, 3 }, index.Match("trygg*"));
        CollectionAssert.AreEquivalent(Array.Empty<int>(), index.Match("dokument"));
        CollectionAssert.AreEquivalent(new[] { 2 }, index.Match("dokument*"));
        // A whole word with a star still finds its inflected forms: the index holds kameror, kameran … as kam.
        CollectionAssert.AreEquivalent(index.Match("kamera"), index.Match("kamera*"));
        CollectionAssert.AreEquivalent(new[] { 1 }, index.Match("\"digital natt*\""));
        CollectionAssert.AreEquivalent(new[] { 2 }, index.Match("\"digital dok*\""));
        // The stemmer takes -het off trygghet (row 1) and the part trygghet of trygghetslarm (row 3),
        // so the word trygg alone finds both rows as well.
        CollectionAssert.AreEquivalent(new[] { 1, 3 }, index.Match("trygg"));
    }

    [TestMethod]
    public void Or_finds_either()
    {
        using var index = RowIndex.Open();
        CollectionAssert.AreEquivalent(new[] { 2, 3, 4, 5 }, index.Match("kamera OR sensor"));
        // Row 3 too: trygghetslarm is also larm, and row 3 has a kamera.
        CollectionAssert.AreEquivalent(new[] { 3, 4 }, index.Match("larm (kamera ELLER sensor) -utan"));
    }

    [TestMethod]
    public void Lower_case_och_is_searched_for()
    {
        using var index = RowIndex.Open();
        CollectionAssert.AreEquivalent(new[] { 6 }, index.Match("vård och omsorg"));
        CollectionAssert.AreEquivalent(new[] { 6 }, index.Match("\"vård och omsorg\""));
    }

    [TestMethod]
    public void Hostile_input_never_throws_in_the_parser_the_builder_or_the_index()
    {
        var builder = new LuceneQueryBuilder(SearchTuning.Empty);
        using var index = RowIndex.Open();
        var checkedInputs = 0;
        var builtQueries = 0;

        foreach (var input in HostileInputs())
        {
            var parsed = Parse(input);
            Assert.IsNotNull(parsed.PositiveTerms, input);
            if (parsed.Root is null)
            {
                Assert.IsNotNull(parsed.Message, $"Empty query without a message: {input}");
                continue;
            }
            checkedInputs++;
            if (BuildAndRun(builder, index, parsed.Root, input))
            {
                builtQueries++;
            }
        }

        Assert.IsGreaterThanOrEqualTo(60, HostileInputs().Count());
        Assert.IsGreaterThanOrEqualTo(40, checkedInputs);
        // Every query gets a Lucene query but the 20 000 x's: one word longer than the index holds
        // (SwedishSearchAnalyzer.MaxTokenLength), so there is nothing to search for.
        Assert.AreEqual(checkedInputs - 1, builtQueries);
    }

    [TestMethod]
    public void Random_punctuation_soup_never_throws()
    {
        const string alphabet = "ab åö\"\"()()--**:^+{}[]'\\;,.ORANDNOTINTEOCHELLER\t\n\0😀\u202e\ud800";
        var random = new Random(20240611);
        var builder = new LuceneQueryBuilder(SearchTuning.Empty);
        using var index = RowIndex.Open();
        for (var i = 0; i < 3000; i++)
        {
            var length = random.Next(0, 40);
            var text = new StringBuilder(length);
            for (var j = 0; j < length; j++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }
            var input = text.ToString();
            var parsed = Parse(input);
            if (parsed.Root is not null)
            {
                BuildAndRun(builder, index, parsed.Root, input);
            }
        }
    }

    /// <summary>Builds the Lucene query of a parse tree and runs it; false when there was nothing to run.</summary>
    private static bool BuildAndRun(LuceneQueryBuilder builder, RowIndex index, SearchNode root, string input)
    {
        LuceneQuery? query;
        try
        {
            query = builder.Build(root);
        }
        catch (Exception ex)
        {
            Assert.Fail($"Build threw for {Show(root)} (from {Printable(input)}): {ex}");
            return false;
        }
        if (query is null)
        {
            return false;
        }
        try
        {
            index.Run(query);
        }
        catch (Exception ex)
        {
            Assert.Fail($"The index rejected {query} (from {Printable(input)}): {ex}");
        }
        return true;
    }

    private static string Printable(string input) =>
        input.Length > 80 ? string.Concat(input.AsSpan(0, 80), "…") : input;

    private static IEnumerable<string> HostileInputs()
    {
        string[] inputs =
        [
            "\"", "\"\"", "\"\"\"", "\"larm", "larm\"", "\"larm\" \"", "\"a\"b\"c",
            "(", ")", "((", "))", "(larm", "larm)", ")larm(", "(((larm OR (kamera)", "(a (b (c (d (e (f (g (h (i (j (k)))))))))))",
            "NEAR(a b", "NEAR(a b, 3)", "NEAR", "larm NEAR kamera", "title:x", "body:larm", "{body}: larm", "- body : larm",
            "^x", "^larm kamera", "*", "**", "*larm", "larm*", "larm * kamera", "la*rm", "\"*\"", "+", "larm + kamera", "a + + b",
            "AND", "OR", "NOT", "AND OR NOT", "NOT NOT NOT larm", "larm AND", "OR larm OR", "larm OR NOT kamera", "INTE", "OCH ELLER INTE",
            "-", "--", "-larm", "--larm", "-\"", "-(", "larm -", "larm - kamera", "-(larm)", "-(-larm)", "larm -(-kamera)",
            "😀", "larm 😀 kamera", "👩‍⚕️👨🏽‍🦳", "trygg😀larm", "🚨*",
            "'; DROP TABLE x; --", "\" OR 1=1 --", "larm'); DELETE FROM t; --", "1; SELECT * FROM t", "\\\"larm\\\"",
            "\0", "larm\0kamera", "\u0001\u0002\u0007\b\u001b[31m", "larm\r\nkamera\ttest", "\u200b\u200d\ufeff",
            new string('\n', 100),
            string.Concat(Enumerable.Repeat("a ", 10_000)),
            string.Concat(Enumerable.Repeat("(", 600)) + "larm",
            string.Concat(Enumerable.Repeat("\"a\" ", 300)),
            string.Concat(Enumerable.Repeat("-a ", 300)),
            string.Concat(Enumerable.Repeat("a OR ", 300)),
            new string('x', 20_000),
            "مرحبا بالعالم", "שלום עולם", "larm \u202eakemar\u202c", "\u202b\"larm\u202c",
            "日本語のテキスト", "Ελληνικά κείμενο", "Ærø Øst ßtraße İstanbul",
            "\ud800", "larm\udc00kamera", "a\u0308\u0308\u0308",
            "${jndi:ldap://x}", "<script>alert('x')</script>", "%27%20OR%201=1", "larm\\", "\\",
            "[larm]", "{larm}", "larm:kamera:sensor", "#larm @kamera", "larm~2", "larm^2", "larm AND (", "larm OR )",
        ];
        return inputs;
    }

    /// <summary>
    /// The parse tree as text, to compare with: a word in quotes with a trailing <c>*</c> when it is a
    /// prefix (<c>"trygg" *</c>), a phrase as its words in one pair of quotes (<c>"digital natt*"</c>),
    /// AND as its children side by side, OR in parentheses, an exclusion as <c>NOT</c> before what it
    /// excludes. An AND inside another node is parenthesised.
    /// </summary>
    private static string Show(SearchNode node, bool nested = false) => node switch
    {
        Term { IsPrefix: true } term => $"\"{term.Text}\" *",
        Term term => $"\"{term.Text}\"",
        Phrase phrase => "\"" + string.Join(" ", phrase.Terms.Select(t => t.IsPrefix ? t.Text + "*" : t.Text)) + "\"",
        And all when nested => "(" + Show(all) + ")",
        And all => string.Join(" ", all.Children.Select(c => Show(c, nested: true))),
        Or any => "(" + string.Join(" OR ", any.Children.Select(c => Show(c, nested: true))) + ")",
        Not excluded => "NOT " + Show(excluded.Inner, nested: true),
        _ => throw new ArgumentException($"Unknown node {node}", nameof(node)),
    };

    /// <summary>The rows above in an in-memory index, analysed as the portal's indexes are.</summary>
    private sealed class RowIndex : IDisposable
    {
        private readonly RAMDirectory directory;
        private readonly DirectoryReader reader;
        private readonly IndexSearcher searcher;

        private RowIndex(RAMDirectory directory)
        {
            this.directory = directory;
            reader = DirectoryReader.Open(directory);
            searcher = new IndexSearcher(reader);
        }

        public static RowIndex Open()
        {
            var directory = new RAMDirectory();
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(SwedishSearchAnalyzer.Version, SearchIndexes.Analyzer)))
            {
                for (var i = 0; i < Rows.Length; i++)
                {
                    var document = new Document { new StoredField(IndexFields.Id, i + 1) };
                    foreach (var field in SearchIndexDocuments.Body(Rows[i]))
                    {
                        document.Add(field);
                    }
                    writer.AddDocument(document);
                }
                writer.Commit();
            }
            return new RowIndex(directory);
        }

        /// <summary>The numbers of the rows the input finds, in order.</summary>
        public List<int> Match(string input)
        {
            var root = Parse(input).Root;
            Assert.IsNotNull(root, input);
            var query = new LuceneQueryBuilder(SearchTuning.Empty).Build(root);
            Assert.IsNotNull(query, input);
            return Run(query);
        }

        public List<int> Run(LuceneQuery query) =>
            searcher.Search(query, Rows.Length + 1).ScoreDocs
                .Select(hit => searcher.Doc(hit.Doc).GetField(IndexFields.Id).GetInt32Value()!.Value)
                .Order()
                .ToList();

        public void Dispose()
        {
            reader.Dispose();
            directory.Dispose();
        }
    }
}
