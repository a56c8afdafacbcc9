using WebMail.Testing;
using WebMail.Testing.Quirks;

namespace WebMail.BrowserTests.Compatibility;

/// <summary>The app reads IMAP through a relay that refuses SELECT until ID, as Coremail does, with ID turned off.</summary>
public sealed class UnidentifiedCoremailFixture : BrowserFixture
{
    public UnidentifiedCoremailFixture()
        : this(new ImapQuirkRelay(ImapQuirks.Coremail))
    {
    }

    private UnidentifiedCoremailFixture(ImapQuirkRelay relay)
        : base(WebMailServerFactory.With(new()
        {
            ["Mail:Domains:0:Imap:Port"] = relay.Port.ToString(),
            ["Mail:Domains:0:ImapId:Send"] = "false",
        })) => Relay = relay;

    public ImapQuirkRelay Relay { get; }

    public override async Task DisposeAsync()
    {
        await Relay.DisposeAsync();
        await base.DisposeAsync();
    }
}
