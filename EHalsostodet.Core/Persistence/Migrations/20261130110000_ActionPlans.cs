using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EHalsostodet.Core.Persistence.Migrations;

/// <summary>Members' action plans ("Min handlingsplan"): per-step notes and tasks with owner, date and done.</summary>
[DbContext(typeof(PortalDbContext))]
[Migration("20261130110000_ActionPlans")]
public sealed class ActionPlans : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "action_plans",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<string>(maxLength: 450, nullable: false),
                story_id = table.Column<Guid>(nullable: false),
                title = table.Column<string>(maxLength: 200, nullable: false),
                share_token = table.Column<string>(maxLength: 64, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_action_plans", x => x.id);
                table.ForeignKey("FK_action_plans_identity_users_user_id", x => x.user_id, "identity_users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_action_plans_share_token", "action_plans", "share_token", unique: true);
        migrationBuilder.CreateIndex("IX_action_plans_user_id", "action_plans", "user_id");

        migrationBuilder.CreateTable(
            name: "action_plan_steps",
            columns: table => new
            {
                plan_id = table.Column<Guid>(nullable: false),
                step = table.Column<string>(maxLength: 20, nullable: false),
                notes = table.Column<string>(maxLength: 10_000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_action_plan_steps", x => new { x.plan_id, x.step });
                table.ForeignKey("FK_action_plan_steps_action_plans_plan_id", x => x.plan_id, "action_plans", "id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "action_plan_tasks",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                plan_id = table.Column<Guid>(nullable: false),
                step = table.Column<string>(maxLength: 20, nullable: false),
                position = table.Column<int>(nullable: false),
                text = table.Column<string>(maxLength: 1000, nullable: false),
                owner = table.Column<string>(maxLength: 200, nullable: false),
                due_date = table.Column<DateOnly>(nullable: true),
                done = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_action_plan_tasks", x => x.id);
                table.ForeignKey("FK_action_plan_tasks_action_plans_plan_id", x => x.plan_id, "action_plans", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_action_plan_tasks_plan_id_step_position", "action_plan_tasks", ["plan_id", "step", "position"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("action_plan_tasks");
        migrationBuilder.DropTable("action_plan_steps");
        migrationBuilder.DropTable("action_plans");
    }
}
