using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using WebMail.Client.Services;
using WebMail.Server.Mail;
using WebMail.Server.Mail.Caching;
using WebMail.Server.Mail.Connections;
using WebMail.Server.Mail.Diagnostics;
using WebMail.Server.Mail.Options;
using WebMail.Server.Mail.Sessions;
using WebMail.Server.Mail.Smtp;
using WebMail.Server.UserData;

namespace WebMail.Server.Hosting;

public static class ServiceRegistration
{
    /// <summary>Registers everything the app needs. Nothing here connects to a mail server.</summary>
    public static WebApplicationBuilder AddWebMailServices(this WebApplicationBuilder builder)
    {
        // GB2312, GBK and GB18030 bodies are common in Chinese schools' mail; .NET only has them through this provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        // Chinese text as characters rather than &#x...; entities: a third of the bytes, and readable source.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddSingleton(TimeProvider.System);
        services.AddWebMailPageCompression();
        builder.AddWebMailTelemetry();
        builder.AddWebMailManagementPort();
        builder.AddWebMailHostFiltering();

        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddSingleton<MailClientFactory>();
        services.AddSingleton<MailServerCalls>();
        services.AddSingleton<MailServerStatusService>();
        services.AddSingleton<IMailServerStatusService>(sp =>
            new CachedMailServerStatus(sp.GetRequiredService<MailServerStatusService>(), sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<MessageCacheOptions>().BindConfiguration(MessageCacheOptions.SectionName)
            .Validate(o => o.MaxBytesPerSession > 0 && o.MaxBytesTotal >= o.MaxBytesPerSession,
                "MessageCache:MaxBytesPerSession must be positive and at most MaxBytesTotal.")
            .ValidateOnStart();
        services.AddSingleton<MessageCacheBudget>();
        services.AddOptions<ReadingOptions>().BindConfiguration(ReadingOptions.SectionName)
            .Validate(o => o.MaxMessageBytes > 0, "Reading:MaxMessageBytes must be positive.")
            .ValidateOnStart();
        services.AddSingleton<SessionMailboxes>();
        services.AddSingleton<CurrentMailbox>();
        services.AddScoped<IMailboxService, MailboxService>();
        services.AddScoped<WebMail.Client.Shared.Notifications>();
        services.AddOptions<ComposeOptions>().BindConfiguration(ComposeOptions.SectionName)
            .Validate(o => o.MaxAttachmentBytes > 0 && o.UndoSendDelay >= TimeSpan.Zero && o.UndoSendDelay <= TimeSpan.FromMinutes(2),
                "Compose:MaxAttachmentBytes must be positive and Compose:UndoSendDelay between 0 and 2 minutes.")
            .ValidateOnStart();
        services.AddSingleton<Submission>();
        services.AddSingleton<HeldMessageSender>();
        services.AddSingleton<Outbox>();
        services.AddHostedService<OutboxRecoveryService>();
        services.AddScoped<IComposeService, ComposeService>();
        services.AddSingleton<ScheduledSendService>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledSendService>());
        services.AddScoped<IScheduledMailService, ScheduledMailService>();
        services.AddScoped<IMailFiltersService, Mail.Sieve.MailFiltersService>();
        services.AddScoped<IReadReceiptService, ReadReceiptService>();
        services.AddSingleton<Mail.Drafts.SharedDrafts>();
        services.AddSingleton<Mail.Drafts.KeptDrafts>();
        services.AddScoped<IDraftService, Mail.Drafts.DraftService>();
        services.AddScoped<IAddressBookService, Mail.Contacts.AddressBookService>();
        services.AddScoped<IContactsService, Mail.Contacts.ContactsService>();
        services.AddSingleton<Mail.Contacts.WrittenRecipients>();
        services.AddSingleton<Mail.Ldap.SchoolDirectory>();
        builder.AddWebMailUserData();

        builder.AddWebMailForwardedHeaders();
        builder.AddWebMailAuthentication();

        services.AddHealthChecks()
            .AddCheck<MailServersHealthCheck>("mail-servers", tags: [EndpointMapping.ReadinessTag]);
        return builder;
    }
}
