using EHalsostodet.Core.Content;
using EHalsostodet.Core.Persistence;

namespace EHalsostodet.Core.Workflow;

/// <summary>Writes audit entries; they commit with the change they describe.</summary>
public sealed class AuditLog(PortalDbContext db, TimeProvider clock)
{
    public const string Created = "create";
    public const string Saved = "save";
    public const string RolledBack = "rollback";
    public const string Published = "publish";
    public const string ScheduledPublish = "schedule-publish";
    public const string ScheduledUnpublish = "schedule-unpublish";
    public const string ReviewDateChanged = "review-date";
    public const string BestBetAdded = "best-bet-add";
    public const string BestBetRemoved = "best-bet-remove";
    public const string AccountLocked = "account-lock";
    public const string AccountUnlocked = "account-unlock";
    public const string OldAddressRemoved = "old-address-remove";
    public const string MarkedReviewed = "mark-reviewed";

    public void Record(ContentItem item, string action, WorkflowState? from, WorkflowState? to, int? versionNumber, string? userId, string userName, string? comment)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            ItemId = item.Id,
            ItemTitle = item.Title,
            Action = action,
            FromState = from,
            ToState = to,
            VersionNumber = versionNumber,
            UserId = userId,
            UserName = userName,
            At = clock.GetUtcNow().UtcDateTime,
            Comment = Truncate((comment ?? "").Trim(), 2000),
        });
    }

    /// <summary>An administrator's change to an account; commits with the account's own update.</summary>
    public void RecordAccount(string accountId, string accountName, string action, string administratorId, string administratorName)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            AccountId = accountId,
            ItemTitle = Truncate(accountName, 200),
            Action = action,
            UserId = administratorId,
            UserName = administratorName,
            At = clock.GetUtcNow().UtcDateTime,
        });
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;

    public static string Describe(string action) => action switch
    {
        Created => "Skapad",
        Saved => "Sparad",
        RolledBack => "Återskapad från äldre version",
        Published => "Publicerad",
        ScheduledPublish => "Schemalagd publicering",
        ScheduledUnpublish => "Schemalagd avpublicering",
        ReviewDateChanged => "Nytt granskningsdatum",
        BestBetAdded => "Bästa träff i sökningen",
        BestBetRemoved => "Inte längre bästa träff",
        AccountLocked => "Konto låst",
        AccountUnlocked => "Konto upplåst",
        OldAddressRemoved => "Gammal adress borttagen",
        MarkedReviewed => "Markerad som granskad",
        _ when WorkflowActionNames.TryParseKey(action, out var workflowAction) => workflowAction.PastTense(),
        _ => action,
    };
}
