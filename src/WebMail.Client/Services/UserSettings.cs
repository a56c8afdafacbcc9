namespace WebMail.Client.Services;

/// <summary>
/// What a user chose that outlives a session and follows them to any device and instance: who they are when they
/// write, their signatures, their language. Kept by <see cref="IUserSettingsService"/>; never the password.
/// </summary>
public sealed record UserSettings
{
    /// <summary>At most this many characters of a display name (a From line stays readable).</summary>
    public const int MaxDisplayNameLength = 100;

    /// <summary>At most this many signatures, each at most <see cref="MaxSignatureLength"/> characters.</summary>
    public const int MaxSignatures = 10;

    public const int MaxSignatureLength = 2000;

    /// <summary>At most this many templates, each text at most <see cref="MaxTemplateLength"/> characters.</summary>
    public const int MaxTemplates = 50;

    public const int MaxTemplateLength = 20_000;

    public static UserSettings Defaults { get; } = new();

    /// <summary>The name on mail the user sends ("张伟" in <c>张伟 &lt;2023001@school.edu.cn&gt;</c>); empty for the bare address.</summary>
    public string DisplayName { get; init; } = "";

    public IReadOnlyList<Signature> Signatures { get; init; } = [];

    /// <summary>The signature put under new mail; none when null or not among <see cref="Signatures"/>.</summary>
    public string? DefaultSignatureId { get; init; }

    /// <summary>The default signature goes into replies and forwards too (above the quoted message).</summary>
    public bool SignatureOnReplies { get; init; } = true;

    /// <summary>Messages saved to start new ones from, in the order they were saved.</summary>
    public IReadOnlyList<MessageTemplate> Templates { get; init; } = [];

    /// <summary>At most this many senders whose remote content is shown.</summary>
    public const int MaxTrustedSenders = 500;

    /// <summary>
    /// Senders (addresses, lower case) whose messages show their remote pictures and styles at once, as the user chose
    /// with "Always show from this sender"; everyone else's stay blocked until asked.
    /// </summary>
    public IReadOnlyList<string> RemoteContentFrom { get; init; } = [];

    /// <summary>The list page sizes a user may choose.</summary>
    public static IReadOnlyList<int> PageSizes { get; } = [25, 50, 100];

    /// <summary>Messages on a page of the list (one of <see cref="PageSizes"/>).</summary>
    public int PageSize { get; init; } = 50;

    /// <summary>The list shows conversations (threads) unless asked otherwise; remembered from the list's own switch.</summary>
    public bool ConversationView { get; init; }

    /// <summary>A reply is written under the quoted message (the cursor after it) instead of above it.</summary>
    public bool ReplyBelowQuote { get; init; }

    /// <summary>Whether <paramref name="address"/> is among <see cref="RemoteContentFrom"/>.</summary>
    public bool ShowsRemoteContentFrom(string address) =>
        RemoteContentFrom.Contains(address.Trim(), StringComparer.OrdinalIgnoreCase);

    /// <summary>New mail, replies and forwards start in the rich-text editor (the original's HTML quoted) instead of plain text.</summary>
    public bool WriteRich { get; init; }

    /// <summary>Addresses the user writes to that are not contacts are kept as collected ones, for suggestions (on unless turned off).</summary>
    public bool CollectRecipients { get; init; } = true;

    /// <summary>The interface language ("zh-CN", "en"); null for what the browser asks for.</summary>
    public string? Language { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public Signature? DefaultSignature => Signatures.FirstOrDefault(s => s.Id == DefaultSignatureId);

    /// <summary>The signature for new mail, or for a reply or forward, if the user wants one there.</summary>
    public Signature? SignatureFor(bool replyOrForward) =>
        !replyOrForward || SignatureOnReplies ? DefaultSignature : null;
}
