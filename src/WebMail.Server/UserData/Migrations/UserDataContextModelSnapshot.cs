using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace WebMail.Server.UserData.Migrations;

/// <summary>The model as the migrations leave it (what EF compares the code's model with before migrating).</summary>
[DbContext(typeof(UserDataContext))]
public sealed class UserDataContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity("WebMail.Server.UserData.StoredSettings", settings =>
        {
            settings.Property<string>("UserAddress").HasMaxLength(UserDataContext.MaxAddressLength).HasColumnName("user_address");
            settings.Property<string>("Json").IsRequired().HasColumnName("settings_json");
            settings.Property<long>("UpdatedAt").HasColumnName("updated_at");
            settings.HasKey("UserAddress").HasName("pk_user_settings");
            settings.ToTable("user_settings");
        });
    }
}
