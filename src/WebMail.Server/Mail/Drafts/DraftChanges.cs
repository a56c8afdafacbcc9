using WebMail.Client.Services;

namespace WebMail.Server.Mail.Drafts;

/// <summary>Whether an autosave brings anything new: a pause in typing that changed nothing must not re-send the attachments.</summary>
public static class DraftChanges
{
    public static bool AreSame(OutgoingMessage? saved, OutgoingMessage draft) =>
        saved is not null
        && saved.To == draft.To && saved.Cc == draft.Cc && saved.Bcc == draft.Bcc
        && saved.Subject == draft.Subject && saved.Body == draft.Body && saved.Html == draft.Html
        && saved.InReplyTo == draft.InReplyTo && saved.RepliedToId == draft.RepliedToId && saved.From == draft.From
        && (saved.References ?? []).SequenceEqual(draft.References ?? [])
        && saved.Attachments.Count == draft.Attachments.Count
        && saved.Attachments.Zip(draft.Attachments).All(pair => SameFile(pair.First, pair.Second));

    private static bool SameFile(OutgoingAttachment saved, OutgoingAttachment draft) =>
        saved.FileName == draft.FileName && saved.ContentType == draft.ContentType && saved.ContentId == draft.ContentId
        && (ReferenceEquals(saved.Content, draft.Content) || saved.Content.AsSpan().SequenceEqual(draft.Content));
}
