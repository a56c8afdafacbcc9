namespace WebMail.Server.UserData;

/// <summary>
/// One user's settings as a row: the <see cref="Client.Services.UserSettings"/> record as JSON, so a new setting
/// needs no migration. Keyed by the user's address in lower case.
/// </summary>
public sealed class StoredSettings
{
    public string UserAddress { get; set; } = "";

    public string Json { get; set; } = "";

    /// <summary>When it was last saved, in Unix milliseconds (one type on SQLite and PostgreSQL alike).</summary>
    public long UpdatedAt { get; set; }
}
