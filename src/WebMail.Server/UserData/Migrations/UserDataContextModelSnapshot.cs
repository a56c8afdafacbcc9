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
        modelBuilder.Entity("WebMail.Server.UserData.ScheduledMessageRow", scheduled =>
        {
            scheduled.Property<string>("Id").HasMaxLength(64).HasColumnName("id");
            scheduled.Property<string>("UserAddress").IsRequired().HasMaxLength(UserDataContext.MaxAddressLength).HasColumnName("user_address");
            scheduled.Property<long>("SendAt").HasColumnName("send_at");
            scheduled.Property<byte[]>("Sealed").IsRequired().HasColumnName("sealed");
            scheduled.Property<long?>("ClaimedAt").HasColumnName("claimed_at");
            scheduled.Property<string>("Problem").HasMaxLength(64).HasColumnName("problem");
            scheduled.Property<string>("DraftId").HasMaxLength(UserDataContext.MaxDraftIdLength).HasColumnName("draft_id");
            scheduled.HasKey("Id").HasName("pk_scheduled_messages");
            scheduled.HasIndex("UserAddress").HasDatabaseName("ix_scheduled_messages_user_address");
            scheduled.HasIndex("SendAt").HasDatabaseName("ix_scheduled_messages_send_at");
            scheduled.ToTable("scheduled_messages");
        });
        modelBuilder.Entity("WebMail.Server.UserData.KeptDraftRow", draft =>
        {
            draft.Property<string>("UserAddress").HasMaxLength(UserDataContext.MaxAddressLength).HasColumnName("user_address");
            draft.Property<byte[]>("Sealed").IsRequired().HasColumnName("sealed");
            draft.Property<long>("UpdatedAt").HasColumnName("updated_at");
            draft.HasKey("UserAddress").HasName("pk_kept_drafts");
            draft.ToTable("kept_drafts");
        });
        modelBuilder.Entity("WebMail.Server.UserData.ContactRow", contact =>
        {
            contact.Property<string>("Id").HasMaxLength(64).HasColumnName("id");
            contact.Property<string>("UserAddress").IsRequired().HasMaxLength(UserDataContext.MaxAddressLength).HasColumnName("user_address");
            contact.Property<string>("Name").IsRequired().HasColumnName("name");
            contact.Property<string>("Addresses").IsRequired().HasColumnName("addresses");
            contact.Property<string>("Phone").IsRequired().HasColumnName("phone");
            contact.Property<string>("Notes").IsRequired().HasColumnName("notes");
            contact.Property<bool>("IsGroup").HasColumnName("is_group");
            contact.Property<bool>("Collected").HasColumnName("collected");
            contact.Property<int>("TimesWritten").HasColumnName("times_written");
            contact.Property<long>("UpdatedAt").HasColumnName("updated_at");
            contact.HasKey("Id").HasName("pk_contacts");
            contact.HasIndex("UserAddress").HasDatabaseName("ix_contacts_user_address");
            contact.ToTable("contacts");
        });
    }
}
