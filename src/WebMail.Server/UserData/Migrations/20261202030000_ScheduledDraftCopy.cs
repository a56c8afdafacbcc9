using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WebMail.Server.UserData.Migrations;

/// <summary>A scheduled message that failed keeps the id of its copy in the Drafts folder (issue 19).</summary>
[DbContext(typeof(UserDataContext))]
[Migration("20261202030000_ScheduledDraftCopy")]
public sealed class ScheduledDraftCopyMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "draft_id", table: "scheduled_messages", maxLength: UserDataContext.MaxDraftIdLength, nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "draft_id", table: "scheduled_messages");
}
