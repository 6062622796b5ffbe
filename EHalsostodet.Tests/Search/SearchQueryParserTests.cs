using System.Text;
using EHalsostodet.Core.Search.Query;
using EHalsostodet.Core.Search.Text;
using Microsoft.Data.Sqlite;

namespace EHalsostodet.Tests.Search;

[TestClass]
public sealed class SearchQueryParserTests
{
    private static readonly Func<string, string> Identity = term => term;

    private static readonly string[] Rows =
    [
        /* 1 */ "Digital nattillsyn ger trygghet i hemtjänsten",
        /* 2 */ "Nattillsyn med kamera kräver digital dokumentation",
        /* 3 */ "Trygghetslarm med kamera i hemmet",
        /* 4 */ "Larm med sensor vid sängen",
        /* 5 */ "Larm utan kamera för äldreomsorgen",
        /* 6 */ "Vård och omsorg på distans",
    ];

    private static string Fts(string? input) =>
        Parse(input).Root is { } root ? Fts5QueryWriter.Write(root, Identity) : "";

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
        Assert.EndsWith("NOT \"a\" NOT \"b\"", Fts5QueryWriter.Write(parsed.Root!, Identity));
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
        Assert.AreEqual("\"larm\" \"kamera\"", Fts("larm kamera"));
    }

    [TestMethod]
    [DataRow("larm AND kamera")]
    [DataRow("larm OCH kamera")]
    [DataRow("AND larm AND AND kamera AND")]
    public void And_and_och_mean_and(string input)
    {
        Assert.AreEqual("\"larm\" \"kamera\"", Fts(input));
    }

    [TestMethod]
    public void Operators_in_lower_case_are_ordinary_words()
    {
        Assert.AreEqual("\"vård\" \"och\" \"omsorg\"", Fts("vård och omsorg"));
        Assert.AreEqual("\"larm\" \"or\" \"kamera\" \"not\" \"inte\"", Fts("larm or kamera not inte"));
    }

    // Phrases

    [TestMethod]
    public void Quoted_words_are_a_phrase()
    {
        var phrase = Assert.IsInstanceOfType<Phrase>(Parse("\"digital nattillsyn\"").Root);
        CollectionAssert.AreEqual(new[] { "digital", "nattillsyn" }, phrase.Terms.Select(t => t.Text).ToArray());
        Assert.AreEqual("\"digital nattillsyn\"", Fts("\"digital nattillsyn\""));
    }

    [TestMethod]
    public void An_unclosed_quote_runs_to_the_end()
    {
        Assert.AreEqual("\"larm\" \"digital nattillsyn\"", Fts("larm \"digital nattillsyn"));
    }

    [TestMethod]
    public void Operators_and_punctuation_inside_a_phrase_are_words_or_separators()
    {
        Assert.AreEqual("\"larm or kamera\"", Fts("\"larm OR (kamera)\""));
    }

    [TestMethod]
    public void A_phrase_of_one_word_is_a_term()
    {
        Assert.IsInstanceOfType<Term>(Parse("\"larm\"").Root);
    }

    [TestMethod]
    public void A_prefix_on_the_last_word_of_a_phrase_marks_the_phrase()
    {
        Assert.AreEqual("\"digital natt\" *", Fts("\"digital natt*\""));
        Assert.AreEqual("\"digi\" * + \"natt\"", Fts("\"digi* natt\""));
    }

    // Exclusions

    [TestMethod]
    [DataRow("larm -kamera")]
    [DataRow("larm NOT kamera")]
    [DataRow("larm INTE kamera")]
    [DataRow("-kamera larm")]
    public void Minus_not_and_inte_exclude(string input)
    {
        var parsed = Parse(input);
        Assert.AreEqual("\"larm\" NOT \"kamera\"", Fts5QueryWriter.Write(parsed.Root!, Identity));
        CollectionAssert.AreEqual(new[] { "larm" }, parsed.PositiveTerms.ToArray());
    }

    [TestMethod]
    public void A_hyphen_inside_a_word_does_not_exclude()
    {
        Assert.AreEqual("\"e\" \"hälsa\"", Fts("e-hälsa"));
    }

    [TestMethod]
    public void Phrases_and_groups_can_be_excluded()
    {
        Assert.AreEqual("\"larm\" NOT \"med kamera\"", Fts("larm -\"med kamera\""));
        Assert.AreEqual("\"larm\" NOT (\"kamera\" OR \"sensor\")", Fts("larm -(kamera OR sensor)"));
    }

    [TestMethod]
    public void A_minus_before_an_operator_word_makes_it_an_ordinary_excluded_word()
    {
        Assert.AreEqual("\"larm\" NOT \"and\"", Fts("larm -AND"));
    }

    [TestMethod]
    public void Double_negation_is_positive()
    {
        Assert.AreEqual("\"larm\"", Fts("NOT -larm"));
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
        Assert.AreEqual("\"larm\"", Fts("larm OR -kamera"));
    }

    // OR

    [TestMethod]
    [DataRow("kamera OR sensor")]
    [DataRow("kamera ELLER sensor")]
    public void Or_and_eller_make_an_or_group(string input)
    {
        var or = Assert.IsInstanceOfType<Or>(Parse(input).Root);
        Assert.HasCount(2, or.Children);
        Assert.AreEqual("(\"kamera\" OR \"sensor\")", Fts(input));
    }

    [TestMethod]
    public void Or_binds_to_its_neighbours_only()
    {
        Assert.AreEqual("\"larm\" AND (\"kamera\" OR \"sensor\" OR \"dörr\") AND \"natt\"", Fts("larm kamera OR sensor ELLER dörr natt"));
    }

    [TestMethod]
    [DataRow("OR larm")]
    [DataRow("larm OR")]
    [DataRow("OR OR larm OR OR")]
    public void A_dangling_or_is_ignored(string input)
    {
        Assert.AreEqual("\"larm\"", Fts(input));
    }

    // Prefix

    [TestMethod]
    public void A_trailing_star_marks_a_prefix()
    {
        Assert.AreEqual(new Term("trygg", IsPrefix: true), Parse("trygg*").Root);
        Assert.AreEqual("\"trygg\" *", Fts("trygg*"));
        Assert.AreEqual("\"trygg\" *", Fts("trygg***"));
        Assert.AreEqual("\"trygg\"", Fts("trygg *"));
    }

    // Parentheses

    [TestMethod]
    public void Parentheses_group()
    {
        Assert.AreEqual("(\"larm\" OR \"kamera\") AND \"natt\"", Fts("(larm OR kamera) natt"));
        Assert.AreEqual("((\"larm\" \"natt\") OR \"kamera\")", Fts("(larm natt) OR kamera"));
    }

    [TestMethod]
    [DataRow("(larm OR kamera", "(\"larm\" OR \"kamera\")")]
    [DataRow("larm) OR (kamera", "(\"larm\" OR \"kamera\")")]
    [DataRow("))larm((", "\"larm\"")]
    [DataRow("((((((((((((larm))))))))))))", "\"larm\"")]
    public void Unbalanced_parentheses_are_ignored(string input, string expected)
    {
        Assert.AreEqual(expected, Fts(input));
    }

    // Writer

    [TestMethod]
    public void The_writer_quotes_and_doubles_quotes_in_transformed_terms()
    {
        Assert.AreEqual("\"a\"\"b\"", Fts5QueryWriter.Write(new Term("ab"), _ => "a\"b"));
        Assert.AreEqual("\"ab\"", Fts5QueryWriter.Write(new Term("ab"), _ => "a\0b\n"));
    }

    [TestMethod]
    public void The_writer_drops_terms_transformed_to_nothing()
    {
        var root = Parse("och larm \"i hemmet\" -i").Root!;
        string Transform(string term) => term is "och" or "i" ? "" : term;
        Assert.AreEqual("\"larm\" \"hemmet\"", Fts5QueryWriter.Write(root, Transform));
        Assert.AreEqual("", Fts5QueryWriter.Write(root, _ => ""));
    }

    [TestMethod]
    public void The_writer_applies_the_transform_to_every_term()
    {
        var root = Parse("Trygghetslarmen \"digitala lösningar\" -kameror").Root!;
        Assert.AreEqual("\"TRYGGHETSLARMEN\" \"DIGITALA LÖSNINGAR\" NOT \"KAMEROR\"",
            Fts5QueryWriter.Write(root, t => t.ToUpperInvariant()));
    }

    [TestMethod]
    public void The_writer_drops_exclusions_it_cannot_express()
    {
        Assert.AreEqual("", Fts5QueryWriter.Write(new Not(new Term("a")), Identity));
        Assert.AreEqual("\"a\"", Fts5QueryWriter.Write(new Or([new Term("a"), new Not(new Term("b"))]), Identity));
        Assert.AreEqual("", Fts5QueryWriter.Write(new And([new Not(new Term("a"))]), Identity));
        Assert.AreEqual("\"a\" NOT \"b\"",
            Fts5QueryWriter.Write(new And([new Not(new Term("b")), new Term("a"), new Not(new Not(new Term("c")))]), Identity));
    }

    [TestMethod]
    public void The_writer_parenthesises_nested_exclusions()
    {
        var root = new Or([new And([new Term("larm"), new Not(new Term("kamera"))]), new Term("sensor")]);
        Assert.AreEqual("((\"larm\" NOT \"kamera\") OR \"sensor\")", Fts5QueryWriter.Write(root, Identity));
    }

    // Against a real FTS5 table

    [TestMethod]
    public void A_phrase_finds_the_words_together_but_not_apart()
    {
        using var db = OpenIndex();
        CollectionAssert.AreEquivalent(new long[] { 1 }, Match(db, "\"digital nattillsyn\""));
        CollectionAssert.AreEquivalent(new long[] { 1, 2 }, Match(db, "digital nattillsyn"));
    }

    [TestMethod]
    public void An_exclusion_removes_rows()
    {
        using var db = OpenIndex();
        CollectionAssert.AreEquivalent(new long[] { 4, 5 }, Match(db, "larm"));
        CollectionAssert.AreEquivalent(new long[] { 4 }, Match(db, "larm -kamera"));
        CollectionAssert.AreEquivalent(new long[] { 4 }, Match(db, "larm INTE kamera"));
    }

    [TestMethod]
    public void A_prefix_finds_longer_words()
    {
        using var db = OpenIndex();
        CollectionAssert.AreEquivalent(new long[] { 1, 3 }, Match(db, "trygg*"));
        CollectionAssert.AreEquivalent(Array.Empty<long>(), Match(db, "trygg"));
    }

    [TestMethod]
    public void Or_finds_either()
    {
        using var db = OpenIndex();
        var rows = Match(db, "kamera OR sensor");
        CollectionAssert.AreEquivalent(new long[] { 2, 3, 4, 5 }, rows);
        CollectionAssert.AreEquivalent(new long[] { 4 }, Match(db, "larm (kamera ELLER sensor) -utan"));
    }

    [TestMethod]
    public void Lower_case_och_is_searched_for()
    {
        using var db = OpenIndex();
        CollectionAssert.AreEquivalent(new long[] { 6 }, Match(db, "vård och omsorg"));
        CollectionAssert.AreEquivalent(new long[] { 6 }, Match(db, "\"vård och omsorg\""));
    }

    [TestMethod]
    public void Hostile_input_never_throws_and_always_gives_a_valid_fts5_expression()
    {
        var transforms = new Dictionary<string, Func<string, string>>
        {
            ["identity"] = Identity,
            ["stem"] = SwedishStemmer.Stem,
            ["fold"] = SearchText.Fold,
            ["quotes"] = term => "\"" + term + "\" NEAR( * ^ \0",
            ["empty"] = _ => "",
            ["some empty"] = term => term.Length % 2 == 0 ? "" : term,
        };
        using var db = OpenIndex();
        var checkedInputs = 0;

        foreach (var input in HostileInputs())
        {
            var parsed = Parse(input);
            Assert.IsNotNull(parsed.PositiveTerms, input);
            if (parsed.Root is null)
            {
                Assert.IsNotNull(parsed.Message, $"Empty query without a message: {input}");
                continue;
            }
            foreach (var (name, transform) in transforms)
            {
                var expression = Fts5QueryWriter.Write(parsed.Root, transform);
                if (name == "identity")
                {
                    Assert.AreNotEqual("", expression, $"Nothing written for: {input}");
                }
                if (expression.Length > 0)
                {
                    try
                    {
                        Execute(db, expression);
                    }
                    catch (SqliteException ex)
                    {
                        Assert.Fail($"FTS5 rejected {expression} (from {input}, {name}): {ex.Message}");
                    }
                }
            }
            checkedInputs++;
        }

        Assert.IsGreaterThanOrEqualTo(60, HostileInputs().Count());
        Assert.IsGreaterThanOrEqualTo(40, checkedInputs);
    }

    [TestMethod]
    public void Random_punctuation_soup_never_throws()
    {
        const string alphabet = "ab åö\"\"()()--**:^+{}[]'\\;,.ORANDNOTINTEOCHELLER\t\n\0😀\u202e\ud800";
        var random = new Random(20240611);
        using var db = OpenIndex();
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
            if (parsed.Root is null)
            {
                continue;
            }
            var expression = Fts5QueryWriter.Write(parsed.Root, Identity);
            try
            {
                Execute(db, expression);
            }
            catch (SqliteException ex)
            {
                Assert.Fail($"FTS5 rejected {expression} (from {input}): {ex.Message}");
            }
        }
    }

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

    private static SqliteConnection OpenIndex()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE t USING fts5(body)";
            create.ExecuteNonQuery();
        }
        for (var i = 0; i < Rows.Length; i++)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t(rowid, body) VALUES ($id, $body)";
            insert.Parameters.AddWithValue("$id", i + 1);
            insert.Parameters.AddWithValue("$body", Rows[i]);
            insert.ExecuteNonQuery();
        }
        return connection;
    }

    private static List<long> Match(SqliteConnection db, string input)
    {
        var expression = Fts(input);
        Assert.AreNotEqual("", expression, input);
        return Execute(db, expression);
    }

    private static List<long> Execute(SqliteConnection db, string expression)
    {
        using var select = db.CreateCommand();
        select.CommandText = "SELECT rowid FROM t WHERE t MATCH $q ORDER BY rowid";
        select.Parameters.AddWithValue("$q", expression);
        var rows = new List<long>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(reader.GetInt64(0));
        }
        return rows;
    }
}
