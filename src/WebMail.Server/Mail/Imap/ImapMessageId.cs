using System.Buffers.Text;
using System.Globalization;
using System.Text;
using MailKit;

namespace WebMail.Server.Mail.Imap;

/// <summary>
/// A message's webmail id over IMAP: folder, UIDVALIDITY and UID. Inbox messages read "validity.uid"; others add
/// the folder's name in base64url, so ids stay safe in a URL path whatever the folder is called.
/// </summary>
public readonly record struct ImapMessageId(string Folder, uint Validity, uint Uid)
{
    public UniqueId UniqueId => new(Validity, Uid);

    public static ImapMessageId Of(IMailFolder folder, UniqueId uid) =>
        new(PathOf(folder.FullName), folder.UidValidity, uid.Id);

    /// <summary>The id of <paramref name="uid"/> in the folder at <paramref name="path"/> (a UID from COPYUID/APPENDUID carries its validity).</summary>
    public static ImapMessageId In(string path, UniqueId uid) =>
        new(PathOf(path), uid.Validity, uid.Id);

    /// <summary>A folder's path as the webmail names it: the inbox always as "INBOX", whatever case the server uses.</summary>
    public static string PathOf(string fullName) => IsInbox(fullName) ? Client.Services.MailFolder.InboxPath : fullName;

    public override string ToString() => IsInbox(Folder)
        ? string.Create(CultureInfo.InvariantCulture, $"{Validity}.{Uid}")
        : string.Create(CultureInfo.InvariantCulture, $"{Validity}.{Uid}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Folder))}");

    public static bool TryParse(string id, out ImapMessageId parsed)
    {
        parsed = default;
        var parts = id.Split('.');
        if (parts.Length is < 2 or > 3
            || !uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var validity)
            || !uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var uid) || uid == 0)
        {
            return false;
        }

        var folder = Client.Services.MailFolder.InboxPath;
        if (parts.Length == 3)
        {
            try
            {
                folder = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[2]));
            }
            catch (FormatException)
            {
                return false;
            }
        }

        parsed = new ImapMessageId(folder, validity, uid);
        return true;
    }

    public static bool IsInbox(string path) => string.Equals(path, Client.Services.MailFolder.InboxPath, StringComparison.OrdinalIgnoreCase);
}
