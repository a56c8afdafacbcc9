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

    /// <summary>How a user's rows are keyed: their address in lower case (sign-in accepts it in any case).</summary>
    public static string KeyOf(string address) => address.Trim().ToLowerInvariant();

    public DbSet<StoredSettings> Settings => Set<StoredSettings>();

    /// <summary>A message id of the webmail's (folder and UID) fits easily; a longer one is not kept.</summary>
    public const int MaxDraftIdLength = 1000;

    public DbSet<ScheduledMessageRow> ScheduledMessages => Set<ScheduledMessageRow>();

    public DbSet<KeptDraftRow> KeptDrafts => Set<KeptDraftRow>();

    public DbSet<ContactRow> Contacts => Set<ContactRow>();

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
        modelBuilder.Entity<ScheduledMessageRow>(scheduled =>
        {
            scheduled.ToTable("scheduled_messages");
            scheduled.HasKey(s => s.Id).HasName("pk_scheduled_messages");
            scheduled.Property(s => s.Id).HasColumnName("id").HasMaxLength(64);
            scheduled.Property(s => s.UserAddress).HasColumnName("user_address").HasMaxLength(MaxAddressLength);
            scheduled.Property(s => s.SendAt).HasColumnName("send_at");
            scheduled.Property(s => s.Sealed).HasColumnName("sealed");
            scheduled.Property(s => s.ClaimedAt).HasColumnName("claimed_at");
            scheduled.Property(s => s.Problem).HasColumnName("problem").HasMaxLength(64);
            scheduled.Property(s => s.DraftId).HasColumnName("draft_id").HasMaxLength(MaxDraftIdLength);
            scheduled.HasIndex(s => s.UserAddress).HasDatabaseName("ix_scheduled_messages_user_address");
            scheduled.HasIndex(s => s.SendAt).HasDatabaseName("ix_scheduled_messages_send_at");
        });
        modelBuilder.Entity<KeptDraftRow>(draft =>
        {
            draft.ToTable("kept_drafts");
            draft.HasKey(d => d.UserAddress).HasName("pk_kept_drafts");
            draft.Property(d => d.UserAddress).HasColumnName("user_address").HasMaxLength(MaxAddressLength);
            draft.Property(d => d.Sealed).HasColumnName("sealed");
            draft.Property(d => d.UpdatedAt).HasColumnName("updated_at");
        });
        modelBuilder.Entity<ContactRow>(contact =>
        {
            contact.ToTable("contacts");
            contact.HasKey(c => c.Id).HasName("pk_contacts");
            contact.Property(c => c.Id).HasColumnName("id").HasMaxLength(64);
            contact.Property(c => c.UserAddress).HasColumnName("user_address").HasMaxLength(MaxAddressLength);
            contact.Property(c => c.Name).HasColumnName("name");
            contact.Property(c => c.Addresses).HasColumnName("addresses");
            contact.Property(c => c.Phone).HasColumnName("phone");
            contact.Property(c => c.Notes).HasColumnName("notes");
            contact.Property(c => c.IsGroup).HasColumnName("is_group");
            contact.Property(c => c.Collected).HasColumnName("collected");
            contact.Property(c => c.TimesWritten).HasColumnName("times_written");
            contact.Property(c => c.UpdatedAt).HasColumnName("updated_at");
            contact.HasIndex(c => c.UserAddress).HasDatabaseName("ix_contacts_user_address");
        });
    }
}
