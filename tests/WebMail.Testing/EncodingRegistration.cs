using System.Runtime.CompilerServices;
using System.Text;

namespace WebMail.Testing;

internal static class EncodingRegistration
{
    // The tests write GB2312 mail themselves, before any app host (which registers the same provider) exists.
#pragma warning disable CA2255
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterCodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
