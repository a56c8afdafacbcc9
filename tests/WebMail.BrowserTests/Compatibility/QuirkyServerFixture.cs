using WebMail.Testing;
using WebMail.Testing.Quirks;

namespace WebMail.BrowserTests.Compatibility;

/// <summary>The app reads IMAP through a relay that behaves like another server (<see cref="ImapQuirks"/>).</summary>
public abstract class QuirkyServerFixture : BrowserFixture
{
    protected QuirkyServerFixture(ImapQuirks quirks, Dictionary<string, string?>? settings = null)
        : this(new ImapQuirkRelay(quirks), settings)
    {
    }

    private QuirkyServerFixture(ImapQuirkRelay relay, Dictionary<string, string?>? settings)
        : base(WebMailServerFactory.With(Settings(relay, settings))) => Relay = relay;

    public ImapQuirkRelay Relay { get; }

    public override async Task DisposeAsync()
    {
        await Relay.DisposeAsync();
        await base.DisposeAsync();
    }

    private static Dictionary<string, string?> Settings(ImapQuirkRelay relay, Dictionary<string, string?>? extra)
    {
        var all = new Dictionary<string, string?> { ["Mail:Domains:0:Imap:Port"] = relay.Port.ToString() };
        foreach (var (key, value) in extra ?? [])
        {
            all[key] = value;
        }

        return all;
    }
}

public sealed class CoremailFixture() : QuirkyServerFixture(ImapQuirks.Coremail);

public sealed class TencentExmailFixture() : QuirkyServerFixture(ImapQuirks.TencentExmail);

public sealed class ExchangeFixture() : QuirkyServerFixture(ImapQuirks.Exchange);

public sealed class CoremailChineseFoldersFixture() : QuirkyServerFixture(ImapQuirks.CoremailWithChineseFolders);

public sealed class XlistOnlyFixture() : QuirkyServerFixture(ImapQuirks.XlistOnly);

/// <summary>Coremail as above, with WebMail's ID turned off: the server signs the user in but opens no folder.</summary>
public sealed class UnidentifiedCoremailFixture()
    : QuirkyServerFixture(ImapQuirks.Coremail, new() { ["Mail:Domains:0:ImapId:Send"] = "false" });

/// <summary>QQ Mail with client authorization codes turned on, and the school's hint about where to get one.</summary>
public sealed class QqMailFixture()
    : QuirkyServerFixture(ImapQuirks.QqMailWithAuthorizationCodes, new() { ["Mail:Domains:0:SignInHint"] = QqMailFixture.Hint })
{
    public const string Hint = "请使用在“设置 → 账户”中生成的客户端授权码登录。";
}
