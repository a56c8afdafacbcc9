using System.Text;
using MimeKit;

namespace WebMail.Server.Mail.Rendering;

/// <summary>
/// The text a reader should see of a message without an HTML body: every inline plain-text part, in order, not
/// only the first (MimeKit's TextBody), so the parts after a corrupt one, after a missing closing boundary, or
/// after a nested part that reused its parent's boundary (which ends both early) are shown too. Also tells whether
/// the message is nested deeper than the parser follows.
/// </summary>
internal static class ReadableParts
{
    public sealed record Result(string? Text, bool Problems, bool TooDeeplyNested);

    public static Result Collect(MimeMessage message)
    {
        var walk = new Walk();
        walk.Visit(message.Body, recovering: false);
        var texts = walk.Texts.Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        return new Result(texts.Count == 0 ? null : string.Join("\n\n", texts), walk.Problems, walk.TooDeep);
    }

    private sealed class Walk
    {
        public List<string> Texts { get; } = [];

        public bool Problems { get; private set; }

        public bool TooDeep { get; private set; }

        public void Visit(MimeEntity? entity, bool recovering)
        {
            switch (entity)
            {
                case Multipart { ContentType.MediaSubtype: var subtype } alternative
                    when subtype.Equals("alternative", StringComparison.OrdinalIgnoreCase):
                    // One of the forms is the message; the plain one is what this text is for.
                    Visit(alternative.FirstOrDefault(IsPlainText) ?? alternative.OfType<Multipart>().FirstOrDefault(), recovering);
                    Recover(alternative, recovering);
                    break;
                case Multipart multipart:
                    foreach (var child in multipart)
                    {
                        Visit(child, recovering);
                    }

                    Recover(multipart, recovering);
                    break;
                case TextPart text when IsPlainText(text):
                    Read(text);
                    break;
                case MimePart part when part.ContentType.MediaType.Equals("multipart", StringComparison.OrdinalIgnoreCase):
                    // The parser stopped following the nesting here: what lies deeper is in this part's raw content.
                    TooDeep = true;
                    break;
            }
        }

        private void Read(TextPart text)
        {
            try
            {
                if (text.ContentTransferEncoding == ContentEncoding.Base64 && !LooksLikeBase64(text))
                {
                    Problems = true;
                }

                Texts.Add(text.Text);
            }
            catch (Exception exception) when (exception is FormatException or NotSupportedException or ArgumentException or DecoderFallbackException)
            {
                Problems = true;
            }
        }

        /// <summary>
        /// Text the parser left outside any part: a multipart without a boundary (its whole body), or an epilogue
        /// holding more parts (a nested part that reused its parent's boundary closed both). Read again as parts.
        /// </summary>
        private void Recover(Multipart multipart, bool recovering)
        {
            if (multipart.Count == 0 && multipart.Boundary is null && !string.IsNullOrWhiteSpace(multipart.Preamble))
            {
                Problems = true;
                Texts.Add(multipart.Preamble);
                return;
            }

            if (recovering || string.IsNullOrWhiteSpace(multipart.Epilogue) || multipart.Boundary is not { } boundary
                || !multipart.Epilogue.Contains("--" + boundary, StringComparison.Ordinal))
            {
                return;
            }

            Problems = true;
            var reread = $"Content-Type: multipart/mixed; boundary=\"{boundary}\"\r\n\r\n{multipart.Epilogue}";
            try
            {
                Visit(MimeEntity.Load(new MemoryStream(Encoding.UTF8.GetBytes(reread))), recovering: true);
            }
            catch (FormatException)
            {
                // Nothing readable there after all.
            }
        }

        private static bool IsPlainText(MimeEntity entity) =>
            entity is TextPart { IsHtml: false, IsAttachment: false } text
            && text.ContentType.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase);

        private static bool LooksLikeBase64(MimePart part)
        {
            if (part.Content?.Stream is not { CanSeek: true } stream)
            {
                return true;
            }

            var position = stream.Position;
            try
            {
                stream.Position = 0;
                int b;
                while ((b = stream.ReadByte()) >= 0)
                {
                    if (!(char.IsAsciiLetterOrDigit((char)b) || b is '+' or '/' or '=' or '\r' or '\n' or ' ' or '\t'))
                    {
                        return false;
                    }
                }

                return true;
            }
            finally
            {
                stream.Position = position;
            }
        }
    }
}
