namespace WebMail.Testing.Quirks;

/// <summary>
/// How a mail server that cannot run here behaves differently from Dovecot, as other clients' trackers document it.
/// <see cref="ImapQuirkRelay"/> puts these behaviours in front of the real Dovecot.
/// </summary>
public sealed record ImapQuirks
{
    public required string Name { get; init; }

    /// <summary>Capabilities the server advertises that Dovecot's list lacks.</summary>
    public IReadOnlyList<string> AddCapabilities { get; init; } = [];

    /// <summary>Capabilities of Dovecot's list the server does not have.</summary>
    public IReadOnlyList<string> RemoveCapabilities { get; init; } = [];

    /// <summary>SELECT and EXAMINE are refused until the client has sent ID (RFC 2971).</summary>
    public bool RequireIdBeforeSelect { get; init; }

    /// <summary>AUTHENTICATE with an initial response (RFC 4959 SASL-IR) gets BAD although SASL-IR is advertised.</summary>
    public bool RejectSaslInitialResponse { get; init; }

    /// <summary>
    /// The server's special folders go by these names (Dovecot's name → the name this server uses, in IMAP's modified
    /// UTF-7), without SPECIAL-USE attributes: the client has only the names to go by.
    /// </summary>
    public IReadOnlyDictionary<string, string> FolderNames { get; init; } = new Dictionary<string, string>();

    /// <summary>Signing in with the account password is refused: the account needs a client authorization code (授权码).</summary>
    public bool AuthorizationCodeRequired { get; init; }

    /// <summary>SEARCH with CHARSET UTF-8 gets NO [BADCHARSET (US-ASCII)].</summary>
    public bool RejectUtf8Search { get; init; }

    /// <summary>UID commands whose set is not in ascending order get BAD.</summary>
    public bool RejectDescendingUidSets { get; init; }

    /// <summary>XLIST answers as LIST does, with the special folders marked (\Sent, \Drafts, \Trash, \Spam).</summary>
    public bool AnswerXlist { get; init; }

    /// <summary>Dovecot as it is: the relay changes nothing and only records what the client said.</summary>
    public static ImapQuirks None { get; } = new() { Name = "Dovecot as it is" };

    /// <summary>
    /// Coremail as NetEase (163.com, 126.com) and the schools it hosts run it: SELECT before ID answers "Unsafe Login"
    /// (pimalaya/himalaya#651, OfflineIMAP/offlineimap#696); SASL-IR advertised, but an initial response gets BAD
    /// (pimalaya/himalaya#729); no SORT or THREAD.
    /// </summary>
    public static ImapQuirks Coremail { get; } = new()
    {
        Name = "Coremail",
        AddCapabilities = ["SASL-IR", "ID"],
        RemoveCapabilities = ["SORT", "SORT=DISPLAY", "THREAD=REFERENCES", "THREAD=REFS", "THREAD=ORDEREDSUBJECT"],
        RequireIdBeforeSelect = true,
        RejectSaslInitialResponse = true,
    };

    /// <summary>
    /// Tencent's QQ Mail and Exmail: a UID set with a descending range gets "BAD UID parameters!"
    /// (bkaankose/Wino-Mail#575, modern-email/defects#40).
    /// </summary>
    public static ImapQuirks TencentExmail { get; } = new()
    {
        Name = "Tencent Exmail",
        RemoveCapabilities = ["SORT", "SORT=DISPLAY", "THREAD=REFERENCES", "THREAD=REFS", "THREAD=ORDEREDSUBJECT"],
        RejectDescendingUidSets = true,
    };

    /// <summary>
    /// Exchange and Microsoft 365: SEARCH CHARSET UTF-8 answers NO [BADCHARSET (US-ASCII)], so a Chinese search finds
    /// nothing; no SORT or THREAD.
    /// </summary>
    public static ImapQuirks Exchange { get; } = new()
    {
        Name = "Exchange",
        RemoveCapabilities = ["SORT", "SORT=DISPLAY", "THREAD=REFERENCES", "THREAD=REFS", "THREAD=ORDEREDSUBJECT", "ESEARCH", "SEARCHRES"],
        RejectUtf8Search = true,
    };

    /// <summary>
    /// QQ Mail with client authorization codes turned on: the password is refused with this text
    /// (pandolia/qqbot#139 for IMAP; louislam/uptime-kuma#3434 shows the same over SMTP).
    /// </summary>
    public static ImapQuirks QqMailWithAuthorizationCodes { get; } = new()
    {
        Name = "QQ Mail (authorization codes)",
        RejectDescendingUidSets = true,
        AuthorizationCodeRequired = true,
    };

    /// <summary>
    /// Coremail's folders as its webmail and other clients show them (已发送, 已删除, 草稿箱, 垃圾邮件, 归档), listed
    /// without SPECIAL-USE, as Coremail servers publish no SPECIAL-USE (their LIST answers carry only \HasNoChildren).
    /// </summary>
    public static ImapQuirks CoremailWithChineseFolders { get; } = Coremail with
    {
        Name = "Coremail (Chinese folder names)",
        RemoveCapabilities = [.. Coremail.RemoveCapabilities, "SPECIAL-USE"],
        FolderNames = new Dictionary<string, string>
        {
            ["Sent"] = "&XfJT0ZAB-",
            ["Trash"] = "&XfJSIJZk-",
            ["Drafts"] = "&g0l6P3ux-",
            ["Junk"] = "&V4NXPpCuTvY-",
            ["Archive"] = "&X1JoYw-",
        },
    };

    /// <summary>
    /// A server with XLIST but not SPECIAL-USE, as MailKit's log of Zoho Mail shows it (jstedfast/MailKit#1728) and
    /// Gmail had it before RFC 6154 (zone-eu/wildduck#91, which notes Outlook 2013 needs XLIST): the special folders
    /// are marked only in XLIST's answer (junk as \Spam), under names that no list of usual names has: Gmail's Chinese
    /// 已发邮件 for Sent, 回收站 for Trash, Yahoo's "Bulk Mail" for Junk.
    /// </summary>
    public static ImapQuirks XlistOnly { get; } = new()
    {
        Name = "XLIST (no SPECIAL-USE)",
        AddCapabilities = ["XLIST"],
        RemoveCapabilities = ["SPECIAL-USE"],
        AnswerXlist = true,
        FolderNames = new Dictionary<string, string>
        {
            ["Sent"] = "&XfJT0ZCuTvY-",
            ["Trash"] = "&Vt5lNnrZ-",
            ["Junk"] = "\"Bulk Mail\"",
        },
    };

    public const string AuthorizationCodeText =
        "Please using authorized code to login. More information at http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=28&&no=1001256";

    public const string BadCharsetText = "[BADCHARSET (US-ASCII)] The specified charset is not supported.";

    public const string UnsafeLoginText = "Unsafe Login. Please contact kefu@188.com for help";

    public const string SaslInitialResponseRefusal = "Request not ending with";

    public const string UidSetRefusal = "UID parameters!";
}
