using System.Diagnostics;
using WebMail.Server.Mail.Rendering;
using WebMail.Testing;

namespace WebMail.UnitTests;

/// <summary>
/// Fuzzing in the small: real messages from the shared corpus, randomly damaged (bytes flipped, cut, duplicated,
/// boundaries and nesting repeated), go through decoding and sanitizing. Nothing may throw, and each must finish in
/// bounded time. The seed is fixed, so a failure names a case that can be replayed.
/// </summary>
public sealed class MutatedCorpusTests
{
    private const int MutationsPerMessage = 8;
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(5);

    private static readonly byte[][] Fragments =
    [
        "\r\n--"u8.ToArray(), "=?utf-8?B?"u8.ToArray(), "?="u8.ToArray(), "\r\n\r\n"u8.ToArray(),
        "Content-Type: multipart/mixed; boundary=\"x\"\r\n"u8.ToArray(), "<div>"u8.ToArray(), "<svg><math>"u8.ToArray(),
        "charset=gb18030"u8.ToArray(), "Content-Transfer-Encoding: base64\r\n"u8.ToArray(), [0], [0xFF, 0xFE], "=\r\n"u8.ToArray(),
    ];

    public static TheoryData<string> Messages() => CorpusRenderingTests.Messages();

    [Theory]
    [MemberData(nameof(Messages))]
    public void Render_MutatedCorpusMessage_NeverThrowsAndStaysBounded(string relativePath)
    {
        var original = File.ReadAllBytes(Path.Combine(CorpusRenderingTests.Corpus, relativePath));
        var random = new Random(relativePath.Aggregate(17, (hash, c) => (hash * 31) + c));
        for (var round = 0; round < MutationsPerMessage; round++)
        {
            var mutated = Mutate(original, random);
            var clock = Stopwatch.StartNew();

            var rendered = MessageRenderer.Render("fuzz", mutated);
            _ = MessageRenderer.AttachmentContents(mutated).ToList();

            Assert.NotNull(rendered.View);
            Assert.True(clock.Elapsed < TimeBound, $"{relativePath} mutation {round} took {clock.Elapsed}");
        }
    }

    private static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        var edits = random.Next(1, 12);
        for (var edit = 0; edit < edits && bytes.Count > 0; edit++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 200), bytes.Count - at));
                    break;
                case 2:
                    bytes.InsertRange(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 400), bytes.Count - at);
                    var copy = bytes.GetRange(at, length);
                    for (var repeat = random.Next(1, 50); repeat > 0; repeat--)
                    {
                        bytes.InsertRange(at, copy);
                    }

                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }
}
