using EHalsostodet.Core.Events;
using Microsoft.Extensions.DependencyInjection;

namespace EHalsostodet.Core.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>The moderated workflow: its actions and audit log, reviews, scheduled publishing, and mail to editors and reviewers.</summary>
    public static IServiceCollection AddWorkflowServices(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<WorkflowService>();
        services.AddScoped<ContentReviews>();
        services.AddScoped<EditorialQueries>();
        services.AddHostedService<ScheduledPublishingService>();
        services.AddEventHandler<ContentSubmitted, ReviewerAlertHandler>();
        services.AddEventHandler<ContentRejected, RejectionMailHandler>();
        services.AddEventHandler<ContentReturnedToDraft, ReviewWithdrawnMailHandler>();
        return services;
    }
}
