namespace EHalsostodet.Core.Workflow;

/// <summary>One line of the audit log: who did what to which item (or account), when, and why.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    /// <summary>The content item the entry is about; null for an entry about an account.</summary>
    public Guid? ItemId { get; set; }
    /// <summary>The account an administrator changed (locked, unlocked); null for content.</summary>
    public string? AccountId { get; set; }
    /// <summary>The item's title, or the account's name, when it happened.</summary>
    public string ItemTitle { get; set; } = "";
    public string Action { get; set; } = "";
    public WorkflowState? FromState { get; set; }
    public WorkflowState? ToState { get; set; }
    public int? VersionNumber { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public DateTime At { get; set; }
    public string Comment { get; set; } = "";
}
