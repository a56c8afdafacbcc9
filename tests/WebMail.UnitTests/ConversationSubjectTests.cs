using WebMail.Server.Mail.Imap;

namespace WebMail.UnitTests;

/// <summary>The subject a conversation is looked for by, without the reply and forward prefixes Chinese mail programs write.</summary>
public sealed class ConversationSubjectTests
{
    [Theory]
    [InlineData("实验报告讨论", "实验报告讨论")]
    [InlineData("Re: 实验报告讨论", "实验报告讨论")]
    [InlineData("回复：Re: 实验报告讨论", "实验报告讨论")] // Foxmail, full-width colon
    [InlineData("答复: 转发: 实验报告讨论", "实验报告讨论")] // Outlook in Chinese
    [InlineData("RE[2]: Fwd: Lab report", "Lab report")]
    [InlineData("回覆：轉寄：期末考試", "期末考試")]
    [InlineData("Re: ", "")]
    [InlineData("Rebuild: the lab", "Rebuild: the lab")] // a word that starts like a prefix is kept
    public void BaseSubject_PrefixesRemoved(string subject, string expected) => Assert.Equal(expected, ImapMailStore.BaseSubject(subject));
}
