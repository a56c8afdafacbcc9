using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Client.Shared;

namespace WebMail.ComponentTests;

/// <summary>The list page with alice signed in and a <see cref="RecordingMailbox"/> behind it; live or prerendering is the test's to choose.</summary>
public abstract class InboxPageTest : ComponentTest
{
    protected InboxPageTest()
    {
        Services.AddSingleton<IMailboxService>(Mailbox);
        Services.AddScoped<Notifications>();
        Services.AddSingleton<IScheduledMailService>(Scheduled);
        Services.AddSingleton<IUserSettingsService>(Settings);
        AddAuthorization().SetAuthorized("alice@school.test");
    }

    protected RecordingMailbox Mailbox { get; } = new();

    protected FakeScheduledMail Scheduled { get; } = new();

    protected FakeUserSettings Settings { get; } = new();
}
