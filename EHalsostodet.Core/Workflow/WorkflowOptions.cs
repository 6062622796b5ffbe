namespace EHalsostodet.Core.Workflow;

/// <summary>Configuration section "Workflow".</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflow";

    /// <summary>Nobody approves a change they wrote or submitted.</summary>
    public bool FourEyes { get; set; } = true;

    /// <summary>How often the scheduler looks for due publications.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(20);
}
