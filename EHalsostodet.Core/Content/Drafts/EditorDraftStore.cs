using EHalsostodet.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EHalsostodet.Core.Content.Drafts;

/// <summary>Keeps, finds and discards an account's draft of an item; one draft per account and item.</summary>
public sealed class EditorDraftStore(PortalDbContext db, TimeProvider clock)
{
    public Task<EditorDraft?> FindAsync(string userId, DraftTarget target, CancellationToken cancellationToken) =>
        db.EditorDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.UserId == userId && d.Target == target.Key, cancellationToken);

    /// <summary>Writes the draft over the account's earlier one; false when it is too long or the account is gone.</summary>
    public async Task<bool> KeepAsync(string userId, DraftTarget target, Guid? baseVersionId, string formJson, CancellationToken cancellationToken)
    {
        if (formJson.Length > EditorDraft.MaxFormLength)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (await UpdateAsync(userId, target, baseVersionId, formJson, now, cancellationToken))
        {
            return true;
        }
        var draft = new EditorDraft { UserId = userId, Target = target.Key, BaseVersionId = baseVersionId, FormJson = formJson, SavedAt = now };
        db.EditorDrafts.Add(draft);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another request kept a draft first (then this one wins), or the account was deleted.
            db.Entry(draft).State = EntityState.Detached;
            return await UpdateAsync(userId, target, baseVersionId, formJson, now, cancellationToken);
        }
        finally
        {
            db.Entry(draft).State = EntityState.Detached;
        }
    }

    public Task DiscardAsync(string userId, DraftTarget target, CancellationToken cancellationToken) =>
        db.EditorDrafts.Where(d => d.UserId == userId && d.Target == target.Key).ExecuteDeleteAsync(cancellationToken);

    private async Task<bool> UpdateAsync(string userId, DraftTarget target, Guid? baseVersionId, string formJson, DateTime now, CancellationToken cancellationToken) =>
        await db.EditorDrafts.Where(d => d.UserId == userId && d.Target == target.Key)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.BaseVersionId, baseVersionId).SetProperty(d => d.FormJson, formJson).SetProperty(d => d.SavedAt, now), cancellationToken) > 0;
}
