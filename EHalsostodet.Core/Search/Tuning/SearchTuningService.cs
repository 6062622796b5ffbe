using System.Globalization;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search.Query;
using EHalsostodet.Core.Workflow;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Search.Tuning;

/// <summary>A synonym group as editors see it.</summary>
public sealed record SynonymGroupView(int Id, string Words, DateTime UpdatedAt);

/// <summary>A best bet: the normalised query and the item shown first for it (<paramref name="Url"/> null when it is no longer published).</summary>
public sealed record BestBetView(int Id, string Query, Guid ItemId, string Title, string? Url);

/// <summary>A published item an editor can choose as a best bet.</summary>
public sealed record PublishedChoice(Guid ItemId, ContentType Type, string Title);

/// <summary>What already answers a search without hits: its best bets and the synonym group it is in.</summary>
public sealed record MissAnswer(IReadOnlyList<BestBetView> BestBets, string? SynonymGroup);

/// <summary>The field of the form a message is about, so the page can point to it.</summary>
public enum TuningField
{
    None,
    Words,
    Query,
    Item,
}

/// <summary>The outcome of a change to the tuning, in Swedish.</summary>
public sealed record TuningResult(bool Succeeded, string Message, TuningField Field = TuningField.None)
{
    public static TuningResult Done(string message) => new(true, message);
    public static TuningResult Refused(TuningField field, string message) => new(false, message, field);
}

/// <summary>
/// Editors' tuning of search: synonym groups and best bets. Every change takes effect at once
/// (<see cref="SearchTuningChanged"/>); adding or removing a best bet is written to the audit log
/// of the chosen item. Synonym groups belong to no item, so the item-based audit log does not
/// record them; a group keeps the time it was last changed.
/// </summary>
public sealed class SearchTuningService(PortalDbContext db, AuditLog audit, SearchTuningChanged changed, TimeProvider clock)
{
    public const int MaxQueryLength = 200;

    private static readonly StringComparer Swedish = StringComparer.Create(new CultureInfo("sv-SE"), ignoreCase: true);

    public async Task<IReadOnlyList<SynonymGroupView>> SynonymGroupsAsync(CancellationToken cancellationToken) =>
        (await db.Set<SearchSynonym>().AsNoTracking().ToListAsync(cancellationToken))
            .Select(s => new SynonymGroupView(s.Id, s.Words, s.UpdatedAt))
            .OrderBy(s => s.Words, Swedish)
            .ToList();

    public async Task<IReadOnlyList<BestBetView>> BestBetsAsync(CancellationToken cancellationToken)
    {
        var bets = await db.Set<SearchBestBet>().AsNoTracking().OrderBy(b => b.Query).ThenBy(b => b.Id).ToListAsync(cancellationToken);
        return await ViewsAsync(bets, cancellationToken);
    }

    /// <summary>Every published item, by type and then title.</summary>
    public async Task<IReadOnlyList<PublishedChoice>> PublishedChoicesAsync(CancellationToken cancellationToken) =>
        (await db.PublishedContent.AsNoTracking().Select(p => new PublishedChoice(p.ItemId, p.Type, p.Title)).ToListAsync(cancellationToken))
            .OrderBy(p => p.Type).ThenBy(p => p.Title, Swedish)
            .ToList();

    public async Task<TuningResult> AddSynonymGroupAsync(string? words, CancellationToken cancellationToken)
    {
        var group = SynonymGroupRules.Parse(words);
        if (!group.IsValid)
        {
            return TuningResult.Refused(TuningField.Words, group.Error!);
        }
        if (await ConflictAsync(group, exceptId: null, cancellationToken) is { } conflict)
        {
            return TuningResult.Refused(TuningField.Words, conflict);
        }
        db.Add(new SearchSynonym { Words = group.Text, UpdatedAt = Now });
        await SaveAsync(cancellationToken);
        return TuningResult.Done($"Gruppen ”{group.Text}” är tillagd. En sökning på ett av orden hittar nu också de andra.");
    }

    public async Task<TuningResult> ChangeSynonymGroupAsync(int id, string? words, CancellationToken cancellationToken)
    {
        var existing = await db.Set<SearchSynonym>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (existing is null)
        {
            return TuningResult.Refused(TuningField.None, "Gruppen finns inte längre. Någon annan kan ha tagit bort den.");
        }
        var group = SynonymGroupRules.Parse(words);
        if (!group.IsValid)
        {
            return TuningResult.Refused(TuningField.Words, group.Error!);
        }
        if (group.Text == existing.Words)
        {
            return TuningResult.Done($"Gruppen ”{group.Text}” är oförändrad.");
        }
        if (await ConflictAsync(group, exceptId: id, cancellationToken) is { } conflict)
        {
            return TuningResult.Refused(TuningField.Words, conflict);
        }
        var before = existing.Words;
        existing.Words = group.Text;
        existing.UpdatedAt = Now;
        await SaveAsync(cancellationToken);
        return TuningResult.Done($"Gruppen ”{before}” är ändrad till ”{group.Text}”.");
    }

    public async Task<TuningResult> DeleteSynonymGroupAsync(int id, CancellationToken cancellationToken)
    {
        var existing = await db.Set<SearchSynonym>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (existing is null)
        {
            return TuningResult.Refused(TuningField.None, "Gruppen finns inte längre. Någon annan kan ha tagit bort den.");
        }
        db.Remove(existing);
        await SaveAsync(cancellationToken);
        return TuningResult.Done($"Gruppen ”{existing.Words}” är borttagen.");
    }

    /// <summary>Makes an item come first for a query as a visitor would type it ("Larmen!" and "larm" are one query).</summary>
    public async Task<TuningResult> AddBestBetAsync(string? query, Guid? itemId, ContentAuthor author, CancellationToken cancellationToken)
    {
        var text = (query ?? "").Trim();
        if (text.Length == 0)
        {
            return TuningResult.Refused(TuningField.Query, "Skriv den sökning som ska ge bästa träffen, till exempel ”trygghetslarm”.");
        }
        if (text.Length > MaxQueryLength)
        {
            return TuningResult.Refused(TuningField.Query, $"Sökningen får vara högst {MaxQueryLength} tecken.");
        }
        var key = SearchMissCounter.Normalise(SearchQueryParser.Parse(text).PositiveTerms);
        if (key.Length == 0)
        {
            return TuningResult.Refused(TuningField.Query, "Sökningen behöver minst ett ord att söka på, inte bara tecken eller ord att utesluta.");
        }
        return await AddBestBetForKeyAsync(key, text, itemId, author, cancellationToken);
    }

    public async Task<TuningResult> DeleteBestBetAsync(int id, ContentAuthor author, CancellationToken cancellationToken)
    {
        var bet = await db.Set<SearchBestBet>().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (bet is null)
        {
            return TuningResult.Refused(TuningField.None, "Den bästa träffen finns inte längre. Någon annan kan ha tagit bort den.");
        }
        db.Remove(bet);
        var item = await db.ContentItems.FirstOrDefaultAsync(i => i.Id == bet.ItemId, cancellationToken);
        if (item is not null)
        {
            audit.Record(item, AuditLog.BestBetRemoved, item.State, item.State, null, author.UserId, author.Name, $"Sökningen ”{bet.Query}”");
        }
        await SaveAsync(cancellationToken);
        return TuningResult.Done($"”{item?.Title ?? "Innehållet"}” är inte längre bästa träff för ”{bet.Query}”.");
    }

    /// <summary>Makes an item come first for a search that found nothing, chosen by (part of) its title.</summary>
    public async Task<TuningResult> AnswerMissWithBestBetAsync(string? missQuery, string? title, ContentAuthor author, CancellationToken cancellationToken)
    {
        if (await MissAsync(missQuery, cancellationToken) is not { } miss)
        {
            return TuningResult.Refused(TuningField.None, "Sökningen finns inte i listan över sökningar utan träffar.");
        }
        var wanted = (title ?? "").Trim();
        if (wanted.Length == 0)
        {
            return TuningResult.Refused(TuningField.Item, $"Skriv titeln på det publicerade innehåll som ska komma först för ”{miss}”.");
        }
        var published = await PublishedChoicesAsync(cancellationToken);
        var exact = published.Where(p => string.Equals(p.Title, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        var found = exact.Count > 0 ? exact : published.Where(p => p.Title.Contains(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return found.Count switch
        {
            0 => TuningResult.Refused(TuningField.Item, $"Inget publicerat innehåll har en titel med ”{wanted}”. Välj en titel ur listan."),
            1 => await AddBestBetForKeyAsync(miss, miss, found[0].ItemId, author, cancellationToken),
            _ => TuningResult.Refused(TuningField.Item,
                $"”{wanted}” finns i {found.Count} titlar, till exempel {string.Join(", ", found.Take(3).Select(p => $"”{p.Title}” ({p.Type.Label()})"))}. "
                + "Skriv hela titeln, eller välj innehållet på sidan Sökningens ord och bästa träffar."),
        };
    }

    /// <summary>
    /// Makes a one-word search that found nothing a synonym of a word the editor chooses: added to
    /// the group that has that word, or a new group of the two.
    /// </summary>
    public async Task<TuningResult> AnswerMissWithSynonymAsync(string? missQuery, string? word, CancellationToken cancellationToken)
    {
        if (await MissAsync(missQuery, cancellationToken) is not { } miss)
        {
            return TuningResult.Refused(TuningField.None, "Sökningen finns inte i listan över sökningar utan träffar.");
        }
        if (miss.Contains(' ', StringComparison.Ordinal))
        {
            return TuningResult.Refused(TuningField.Words, $"Synonymer gäller ett ord i taget, och ”{miss}” är flera ord. Välj en bästa träff för sökningen i stället.");
        }
        var target = (word ?? "").Trim();
        if (target.Length == 0)
        {
            return TuningResult.Refused(TuningField.Words, $"Skriv ordet som ”{miss}” ska betyda samma sak som, till exempel ett ord som finns i innehållet.");
        }
        if (SynonymGroupRules.CheckWord(target) is { } error)
        {
            return TuningResult.Refused(TuningField.Words, error);
        }
        if (SynonymGroupRules.KeyOf(target) == miss)
        {
            return TuningResult.Refused(TuningField.Words, $"”{target}” är samma ord som ”{miss}” för sökningen. Skriv ett annat ord, som finns i innehållet.");
        }
        if (SynonymGroupRules.WordFor(miss) is not { } missed)
        {
            return TuningResult.Refused(TuningField.Words,
                $"”{miss}” kan inte läggas till som det står, eftersom sökningen har kortat ordet till sin grundform. Lägg till ordet som besökarna skrev det på sidan Sökningens ord och bästa träffar.");
        }

        var groups = await db.Set<SearchSynonym>().ToListAsync(cancellationToken);
        var withMiss = groups.FirstOrDefault(g => Holds(g, miss));
        var withTarget = groups.FirstOrDefault(g => Holds(g, SynonymGroupRules.KeyOf(target)));
        if (withMiss is not null && withMiss == withTarget)
        {
            return TuningResult.Done($"”{missed}” och ”{target}” är redan synonymer, i gruppen ”{withMiss.Words}”.");
        }
        if (withMiss is not null)
        {
            return TuningResult.Refused(TuningField.Words, SynonymGroupRules.ConflictMessage(missed, withMiss.Words));
        }
        var group = SynonymGroupRules.Parse(withTarget is null ? $"{target}, {missed}" : $"{withTarget.Words}, {missed}");
        if (!group.IsValid)
        {
            return TuningResult.Refused(TuningField.Words, group.Error!);
        }
        string message;
        if (withTarget is null)
        {
            db.Add(new SearchSynonym { Words = group.Text, UpdatedAt = Now });
            message = $"Ny synonymgrupp ”{group.Text}”: en sökning på ”{missed}” hittar nu det som ”{target}” hittar.";
        }
        else
        {
            withTarget.Words = group.Text;
            withTarget.UpdatedAt = Now;
            message = $"”{missed}” är tillagt i gruppen ”{group.Text}”: en sökning på ”{missed}” hittar nu det som ”{target}” hittar.";
        }
        await SaveAsync(cancellationToken);
        return TuningResult.Done(message);
    }

    /// <summary>What already answers each of the searches without hits.</summary>
    public async Task<IReadOnlyDictionary<string, MissAnswer>> AnswersAsync(IReadOnlyCollection<string> missQueries, CancellationToken cancellationToken)
    {
        var bets = await ViewsAsync(
            await db.Set<SearchBestBet>().AsNoTracking().Where(b => missQueries.Contains(b.Query)).OrderBy(b => b.Id).ToListAsync(cancellationToken),
            cancellationToken);
        var groups = (await db.Set<SearchSynonym>().AsNoTracking().Select(s => s.Words).ToListAsync(cancellationToken))
            .SelectMany(g => SearchTuning.SynonymWords(g).Select(w => (Key: SynonymGroupRules.KeyOf(w), Group: g)))
            .GroupBy(k => k.Key, StringComparer.Ordinal)
            .ToDictionary(k => k.Key, k => k.First().Group, StringComparer.Ordinal);
        return missQueries.Distinct(StringComparer.Ordinal).ToDictionary(
            q => q,
            q => new MissAnswer(bets.Where(b => b.Query == q).ToList(), groups.GetValueOrDefault(q)),
            StringComparer.Ordinal);
    }

    private async Task<TuningResult> AddBestBetForKeyAsync(string key, string typed, Guid? itemId, ContentAuthor author, CancellationToken cancellationToken)
    {
        if (itemId is not { } id)
        {
            return TuningResult.Refused(TuningField.Item, "Välj det publicerade innehåll som ska komma först.");
        }
        var published = await db.PublishedContent.AsNoTracking().FirstOrDefaultAsync(p => p.ItemId == id, cancellationToken);
        var item = await db.ContentItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (published is null || item is null)
        {
            return TuningResult.Refused(TuningField.Item, "Innehållet är inte publicerat. Välj publicerat innehåll.");
        }
        if (await db.Set<SearchBestBet>().AnyAsync(b => b.Query == key && b.ItemId == id, cancellationToken))
        {
            return TuningResult.Refused(TuningField.Item, $"”{published.Title}” är redan bästa träff för ”{key}”.");
        }
        db.Add(new SearchBestBet { Query = key, ItemId = id, CreatedAt = Now });
        audit.Record(item, AuditLog.BestBetAdded, item.State, item.State, null, author.UserId, author.Name, $"Sökningen ”{key}”");
        try
        {
            await SaveAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone chose the same item for the same query a moment ago.
            db.ChangeTracker.Clear();
            return TuningResult.Refused(TuningField.Item, $"”{published.Title}” är redan bästa träff för ”{key}”.");
        }
        return TuningResult.Done($"”{published.Title}” visas nu först när någon söker på ”{typed}”.");
    }

    private async Task<IReadOnlyList<BestBetView>> ViewsAsync(List<SearchBestBet> bets, CancellationToken cancellationToken)
    {
        var ids = bets.Select(b => b.ItemId).Distinct().ToList();
        var items = await db.ContentItems.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var published = await db.PublishedContent.AsNoTracking().Where(p => ids.Contains(p.ItemId)).ToDictionaryAsync(p => p.ItemId, cancellationToken);
        return bets.Select(b => new BestBetView(
            b.Id, b.Query, b.ItemId,
            published.TryGetValue(b.ItemId, out var live) ? live.Title : items.TryGetValue(b.ItemId, out var item) ? item.Title : "(borttaget innehåll)",
            live is null ? null : PortalPaths.Of(live.Type, live.Slug))).ToList();
    }

    private async Task<string?> MissAsync(string? query, CancellationToken cancellationToken)
    {
        var key = query ?? "";
        return key.Length > 0 && await db.Set<SearchMiss>().AnyAsync(m => m.Query == key, cancellationToken) ? key : null;
    }

    /// <summary>Why the group cannot be stored beside the others, or null.</summary>
    private async Task<string?> ConflictAsync(ParsedSynonymGroup group, int? exceptId, CancellationToken cancellationToken)
    {
        var others = await db.Set<SearchSynonym>().AsNoTracking().Where(s => s.Id != exceptId).ToListAsync(cancellationToken);
        return SynonymGroupRules.Conflicts(group.Words, others, o => o.Words).Select(c => SynonymGroupRules.ConflictMessage(c.Word, c.Group.Words)).FirstOrDefault();
    }

    private static bool Holds(SearchSynonym group, string key) =>
        SearchTuning.SynonymWords(group.Words).Any(w => SynonymGroupRules.KeyOf(w) == key);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await changed.AnnounceAsync(cancellationToken);
    }
}
