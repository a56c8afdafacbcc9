using System.Text;

namespace WebMail.Benchmarks.Load;

/// <summary>
/// The strings of a Blazor render batch (text, attribute values such as links): what a page update puts on screen,
/// enough to tell which update arrived. The batch ends with five 32-bit offsets, the last one that of the string
/// table's index: one 32-bit offset per string, each pointing at a length-prefixed UTF-8 string (ASP.NET Core's
/// RenderBatchWriter).
/// </summary>
internal static class RenderBatchStrings
{
    public static List<string> Read(byte[] batch)
    {
        var strings = new List<string>();
        if (batch.Length < 20)
        {
            return strings;
        }

        var indexStart = BitConverter.ToInt32(batch, batch.Length - 4);
        using var reader = new BinaryReader(new MemoryStream(batch), Encoding.UTF8);
        for (var at = indexStart; at + 4 <= batch.Length - 20; at += 4)
        {
            reader.BaseStream.Position = BitConverter.ToInt32(batch, at);
            strings.Add(reader.ReadString());
        }

        return strings;
    }
}
