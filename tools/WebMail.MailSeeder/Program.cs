using System.Diagnostics;
using System.Text;
using WebMail.MailSeeder;

// Loads realistic messages straight into a Maildir: far faster than delivering them (10,000 in seconds).
// Usage: WebMail.MailSeeder --maildir PATH --count N [--seed S]
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

var options = SeederOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: WebMail.MailSeeder --maildir PATH --count N [--seed S]");
    return 2;
}

var stopwatch = Stopwatch.StartNew();
var factory = new SeedMessageFactory(options.RandomSeed);
var writer = new MaildirWriter(options.Maildir);
var start = DateTimeOffset.UtcNow.AddDays(-365);
var step = TimeSpan.FromDays(365) / Math.Max(options.Count, 1);
long bytes = 0;
for (var i = 0; i < options.Count; i++)
{
    var message = factory.Create(i, start + step * i);
    bytes += writer.Write(message, seen: i < options.Count * 0.8);
}

Console.WriteLine($"seeded {options.Count} messages ({bytes / 1024 / 1024} MiB) into {options.Maildir} in {stopwatch.Elapsed.TotalSeconds:F1} s");
return 0;
