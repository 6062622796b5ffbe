namespace EHalsostodet.Core.Workflow;

/// <summary>One line of the audit log: who did what to which item, when, and why.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public Guid ItemId { get; set; }
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
