using System.Globalization;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Search.Query;
using EHalsostodet.Core.Search.Tuning;
using Lucene.Net.Search;
using QueryTerm = EHalsostodet.Core.Search.Query.Term;

namespace EHalsostodet.Core.Search.Lucene;

/// <summary>
/// Titles of published stories, collections and initiatives for what is being typed: every word
/// in the title, the last one as the start of a word ("digital natt" → "Digital nattillsyn i …"),
/// best match first, newest on ties.
/// </summary>
internal static class TitleSuggestions
{
    public static IReadOnlyList<SearchSuggestion> Find(IndexSearcher searcher, string typed, int max)
    {
        var words = SearchQueryParser.Parse(typed).PositiveTerms;
        if (words.Count == 0 || max <= 0)
        {
            return [];
        }
        var node = new And([.. words.Take(words.Count - 1).Select(w => new QueryTerm(w)), new QueryTerm(words[^1], IsPrefix: true)]);
        if (new LuceneQueryBuilder(SearchTuning.Empty, onlyFields: [IndexFields.Title]).Build(node) is not { } titles)
        {
            return [];
        }
        var query = new BooleanQuery
        {
            { titles, Occur.MUST },
            { new TermQuery(new global::Lucene.Net.Index.Term(IndexFields.Type, ContentType.Page.Key())), Occur.MUST_NOT },
        };
        var top = searcher.Search(query, null, max, new Sort(SortField.FIELD_SCORE, new SortField(IndexFields.Published, SortFieldType.INT64, reverse: true)));
        return top.ScoreDocs.Select(hit =>
        {
            var document = searcher.Doc(hit.Doc);
            string Stored(string field) => document.Get(field, CultureInfo.InvariantCulture) ?? "";
            _ = ContentTypeNames.TryParseKey(Stored(IndexFields.StoredType), out var type);
            return new SearchSuggestion(Stored(IndexFields.StoredTitle), type.Label(), Stored(IndexFields.StoredUrl));
        }).ToList();
    }
}
