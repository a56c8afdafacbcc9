using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace WebMail.Server.UserData.Migrations;

/// <summary>Users' address books (issue 20). No column types written: each provider maps the CLR types.</summary>
[DbContext(typeof(UserDataContext))]
[Migration("20261203000000_Contacts")]
public sealed class ContactsMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "contacts",
            columns: table => new
            {
                id = table.Column<string>(maxLength: 64, nullable: false),
                user_address = table.Column<string>(maxLength: UserDataContext.MaxAddressLength, nullable: false),
                name = table.Column<string>(nullable: false),
                addresses = table.Column<string>(nullable: false),
                phone = table.Column<string>(nullable: false),
                notes = table.Column<string>(nullable: false),
                is_group = table.Column<bool>(nullable: false),
                collected = table.Column<bool>(nullable: false),
                times_written = table.Column<int>(nullable: false),
                updated_at = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_contacts", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_contacts_user_address", table: "contacts", column: "user_address");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "contacts");
}
