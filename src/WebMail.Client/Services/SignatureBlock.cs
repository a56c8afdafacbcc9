namespace WebMail.Client.Services;

/// <summary>Where a signature goes in a message, plain or rich: after a blank line and the "-- " separator line.</summary>
public static class SignatureBlock
{
    /// <summary>New mail: the signature under what is there (the cursor starts above it).</summary>
    public static string Under(string body, Signature? signature) =>
        signature is null ? body : body.TrimEnd() + Block(signature);

    /// <summary>A reply or forward: the signature under the user's (still empty) text, above the quoted message.</summary>
    public static string AboveQuote(string quotedBody, Signature? signature) =>
        signature is null ? quotedBody : Block(signature) + quotedBody;

    private static string Block(Signature signature) => $"\n\n{Signature.Separator}\n{signature.Text}";

    /// <summary>Rich-text new mail: the signature (formatted, if it is) under the editor's HTML, after the separator line.</summary>
    public static string HtmlUnder(string html, Signature? signature) =>
        signature is null ? html : html + HtmlBlock(signature);

    /// <summary>A rich-text reply or forward: an empty line to write on, the signature, then the quoted message.</summary>
    public static string HtmlAboveQuote(string quotedHtml, Signature? signature) =>
        signature is null ? quotedHtml : EmptyLine + HtmlBlock(signature) + quotedHtml;

    /// <summary>A reply under the quote (plain): the quote, an empty line, the line to write on, then the signature.</summary>
    /// <returns>The text, and where the cursor goes.</returns>
    public static (string Text, int Cursor) BelowQuote(string quotedBody, Signature? signature)
    {
        var quote = quotedBody.Trim('\n') + "\n\n";
        return (quote + (signature is null ? "" : Block(signature)), quote.Length);
    }

    /// <summary>A rich-text reply under the quote: the quote, the line to write on, then the signature.</summary>
    public static string HtmlBelowQuote(string quotedHtml, Signature? signature)
    {
        var quote = quotedHtml;
        while (quote.StartsWith(EmptyLine, StringComparison.Ordinal))
        {
            quote = quote[EmptyLine.Length..];
        }

        return quote + EmptyLine + (signature is null ? "" : HtmlBlock(signature));
    }

    private const string EmptyLine = "<div><br></div>";

    private static string HtmlBlock(Signature signature) =>
        $"{EmptyLine}<div>{Signature.Separator}</div>{signature.Html ?? PlainTextHtml.From(signature.Text)}";
}
