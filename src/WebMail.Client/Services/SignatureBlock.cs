namespace WebMail.Client.Services;

/// <summary>Where a signature goes in a plain-text message: after a blank line and the "-- " separator line.</summary>
public static class SignatureBlock
{
    /// <summary>New mail: the signature under what is there (the cursor starts above it).</summary>
    public static string Under(string body, Signature? signature) =>
        signature is null ? body : body.TrimEnd() + Block(signature);

    /// <summary>A reply or forward: the signature under the user's (still empty) text, above the quoted message.</summary>
    public static string AboveQuote(string quotedBody, Signature? signature) =>
        signature is null ? quotedBody : Block(signature) + quotedBody;

    private static string Block(Signature signature) => $"\n\n{Signature.Separator}\n{signature.Text}";
}
