namespace WebMail.Server.Auth;

/// <summary>
/// "Chrome on Windows", "WeChat on Android": what a student recognises in the list of signed-in devices, from the
/// User-Agent at sign-in. Only these words are kept, never the raw header.
/// </summary>
public static class DeviceName
{
    // Order matters: Edge and WeChat also say Chrome, Chrome also says Safari, Android also says Linux.
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("MicroMessenger", "WeChat"), ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"),
        ("Chromium/", "Chromium"), ("Chrome/", "Chrome"), ("Safari/", "Safari"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Windows", "Windows"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Mac OS X", "macOS"), ("Android", "Android"),
        ("HarmonyOS", "HarmonyOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux"),
    ];

    public static string From(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "";
        }

        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        return (browser, system) switch
        {
            (null, null) => "",
            (null, _) => system,
            (_, null) => browser,
            _ => $"{browser} · {system}",
        };
    }
}
