namespace WebMail.Server.Mail.Options;

/// <summary>How WebMail reads the school's LDAP directory or Active Directory (issue 20): people to write to.</summary>
public sealed class DirectoryOptions
{
    /// <summary>The server: ldap (389) with StartTls or None on loopback, ldaps (636) with Tls. A silent server fails after its timeout.</summary>
    public MailEndpointOptions Server { get; set; } = new() { Security = MailSecurity.StartTls, TimeoutSeconds = 5 };

    /// <summary>Where people are: "ou=people,dc=school,dc=edu,dc=cn".</summary>
    public string BaseDn { get; set; } = "";

    /// <summary>Which entries are people one writes to (Active Directory: "(&amp;(objectCategory=person)(mail=*))").</summary>
    public string PersonFilter { get; set; } = "(&(objectClass=inetOrgPerson)(mail=*))";

    public string NameAttribute { get; set; } = "displayName";

    public string MailAttribute { get; set; } = "mail";

    /// <summary>What tells two people of one name apart in the suggestions: a department ("ou", AD "department").</summary>
    public string DetailAttribute { get; set; } = "ou";

    /// <summary>The student or staff number, matched as typed ("employeeNumber", or "uid" where it is the number).</summary>
    public string NumberAttribute { get; set; } = "employeeNumber";

    /// <summary>Service: one reader account (<see cref="BindDn"/>) for everyone, and the directory kept in memory so
    /// names are found by pinyin too. User: each user reads with their own credentials (<see cref="UserBindDn"/>),
    /// searching as they type (names, numbers, addresses; pinyin only where the directory holds it).</summary>
    public DirectoryBind Bind { get; set; } = DirectoryBind.Service;

    public string BindDn { get; set; } = "";

    /// <summary>The reader account's password: from the environment or user secrets, never a file in the repository.</summary>
    public string BindPassword { get; set; } = "";

    /// <summary>For <see cref="DirectoryBind.User"/>: the user's DN, {0} the part of their address before @, {1} all of it
    /// ("uid={0},ou=people,dc=school,dc=edu,dc=cn"; Active Directory accepts "{1}" itself).</summary>
    public string UserBindDn { get; set; } = "";

    /// <summary>At most this many people are read into memory (paged); a larger directory is searched as one types.</summary>
    public int MaxEntries { get; set; } = 100_000;

    /// <summary>
    /// Bounds reading the whole directory (in the background, page after page, each page bounded by the server's own
    /// timeout): a school of 100,000 people takes seconds, not the few a suggestion may wait.
    /// </summary>
    public int ReadTimeoutSeconds { get; set; } = 120;

    /// <summary>How long the directory read into memory is used before it is read again (in the background).</summary>
    public int CacheMinutes { get; set; } = 10;
}

public enum DirectoryBind
{
    Service,
    User,
}
