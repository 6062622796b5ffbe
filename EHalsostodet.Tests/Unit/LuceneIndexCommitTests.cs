using EHalsostodet.Core.Search.Lucene;
using EHalsostodet.Tests.Infrastructure;
using Lucene.Net.Documents;
using Microsoft.Extensions.Logging.Abstractions;

namespace EHalsostodet.Tests.Unit;

/// <summary>The index's periodic commit runs on a timer's thread, where an exception would end the whole portal.</summary>
[TestClass]
[TestCategory(Infrastructure.TestDatabase.NotUsed)]
public sealed class LuceneIndexCommitTests
{
    [TestMethod]
    public void A_commit_that_cannot_reach_the_disk_keeps_the_changes_for_the_next_try()
    {
        var folder = Path.Combine(TestPaths.NewTempFolder(), "public");
        using var index = new LuceneIndex(folder, SearchIndexes.Analyzer, "test", NullLogger.Instance);
        index.Add([new StringField(IndexFields.Id, "a", Field.Store.YES)]);
        Directory.Delete(folder, recursive: true);

        index.CommitIfChanged();

        Directory.CreateDirectory(folder);
        index.CommitIfChanged();
        Assert.IsTrue(Directory.EnumerateFiles(folder, "segments_*").Any(), "the next try commits what the failed one could not");
    }
}
