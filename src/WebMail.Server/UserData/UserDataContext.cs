using Microsoft.EntityFrameworkCore;

namespace WebMail.Server.UserData;

/// <summary>
/// What WebMail keeps per user beyond a session, on SQLite (one instance, the default) or PostgreSQL (several).
/// The schema comes from the hand-written migrations in <c>Migrations/</c>, which leave column types to the provider
/// so one set serves both; <c>UserSettingsStoreTests</c> fails when the model and the migrations disagree.
/// </summary>
public sealed class UserDataContext(DbContextOptions<UserDataContext> options) : DbContext(options)
{
    public const int MaxAddressLength = 320;

    public DbSet<StoredSettings> Settings => Set<StoredSettings>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredSettings>(settings =>
        {
            settings.ToTable("user_settings");
            settings.HasKey(s => s.UserAddress).HasName("pk_user_settings");
            settings.Property(s => s.UserAddress).HasColumnName("user_address").HasMaxLength(MaxAddressLength);
            settings.Property(s => s.Json).HasColumnName("settings_json");
            settings.Property(s => s.UpdatedAt).HasColumnName("updated_at");
        });
    }
}
