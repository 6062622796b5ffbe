using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Members.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EHalsostodet.Core.Persistence.Configurations;

internal sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> builder)
    {
        builder.ToTable("action_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.ShareToken).HasMaxLength(64);
        builder.HasIndex(p => p.ShareToken).IsUnique();
        builder.HasIndex(p => p.UserId);
        builder.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Tasks).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActionPlanStepConfiguration : IEntityTypeConfiguration<ActionPlanStep>
{
    public void Configure(EntityTypeBuilder<ActionPlanStep> builder)
    {
        builder.ToTable("action_plan_steps");
        builder.HasKey(s => new { s.PlanId, s.Step });
        builder.Property(s => s.Step).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Notes).HasMaxLength(10_000);
    }
}

internal sealed class ActionPlanTaskConfiguration : IEntityTypeConfiguration<ActionPlanTask>
{
    public void Configure(EntityTypeBuilder<ActionPlanTask> builder)
    {
        builder.ToTable("action_plan_tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Step).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Text).HasMaxLength(1000);
        builder.Property(t => t.Owner).HasMaxLength(200);
        builder.HasIndex(t => new { t.PlanId, t.Step, t.Position });
    }
}
