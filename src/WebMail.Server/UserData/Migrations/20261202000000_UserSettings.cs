using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WebMail.Server.UserData.Migrations;

/// <summary>The settings table. No column types written: each provider maps the CLR types (SQLite and PostgreSQL).</summary>
[DbContext(typeof(UserDataContext))]
[Migration("20261202000000_UserSettings")]
public sealed class UserSettingsMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "user_settings",
            columns: table => new
            {
                user_address = table.Column<string>(maxLength: UserDataContext.MaxAddressLength, nullable: false),
                settings_json = table.Column<string>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_user_settings", x => x.user_address));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "user_settings");
}
