namespace WebMail.Server.UserData;

/// <summary>One person or group of a user's address book (<see cref="Client.Services.Contact"/>) as the database keeps it.</summary>
public sealed class ContactRow
{
    public string Id { get; set; } = "";

    public string UserAddress { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>A person's addresses, or a group's members, one a line.</summary>
    public string Addresses { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Notes { get; set; } = "";

    public bool IsGroup { get; set; }

    public bool Collected { get; set; }

    public int TimesWritten { get; set; }

    /// <summary>Unix milliseconds.</summary>
    public long UpdatedAt { get; set; }
}
