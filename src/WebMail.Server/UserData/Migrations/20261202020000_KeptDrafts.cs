using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WebMail.Server.UserData.Migrations;

/// <summary>POP3 users' drafts (issue 19). No column types written: each provider maps the CLR types.</summary>
[DbContext(typeof(UserDataContext))]
[Migration("20261202020000_KeptDrafts")]
public sealed class KeptDraftsMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "kept_drafts",
            columns: table => new
            {
                user_address = table.Column<string>(maxLength: UserDataContext.MaxAddressLength, nullable: false),
                @sealed = table.Column<byte[]>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_kept_drafts", x => x.user_address));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "kept_drafts");
}
