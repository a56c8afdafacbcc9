using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WebMail.Server.UserData.Migrations;

/// <summary>Messages to send later (issue 19). No column types written: each provider maps the CLR types.</summary>
[DbContext(typeof(UserDataContext))]
[Migration("20261202010000_ScheduledMessages")]
public sealed class ScheduledMessagesMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "scheduled_messages",
            columns: table => new
            {
                id = table.Column<string>(maxLength: 64, nullable: false),
                user_address = table.Column<string>(maxLength: UserDataContext.MaxAddressLength, nullable: false),
                send_at = table.Column<long>(nullable: false),
                @sealed = table.Column<byte[]>(nullable: false),
                claimed_at = table.Column<long>(nullable: true),
                problem = table.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_scheduled_messages", x => x.id));
        migrationBuilder.CreateIndex("ix_scheduled_messages_user_address", "scheduled_messages", "user_address");
        migrationBuilder.CreateIndex("ix_scheduled_messages_send_at", "scheduled_messages", "send_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "scheduled_messages");
}
