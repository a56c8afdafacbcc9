using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WebMail.Client.Services;
using WebMail.Server.Mail;
using WebMail.Server.Mail.Contacts;
using WebMail.Server.Mail.Ldap;
using WebMail.Server.Mail.Sessions;
using WebMail.Server.UserData;
using WebMail.Testing;

namespace WebMail.Benchmarks;

/// <summary>
/// bench/suggest.sh: how long the compose form waits for suggestions (issue 20's target: within 100 ms) with a
/// 5,000-contact address book on the user data database and the 10,000-person directory of scripts/directory.sh,
/// for what people type: a character, initials, whole pinyin, a student number, an address, one letter (the most
/// matches). Medians of repeated queries through the same service the page calls; the first query of a session
/// (the book read from the database, the directory already in memory) apart.
/// </summary>
internal static class SuggestionBenchmark
{
    private const int Contacts = 5_000;

    public static async Task<int> RunAsync(int runs)
    {
        await using var app = WebMailAppFactory.With(WithQuietLogs(DemoDirectory.AppConfiguration()));
        var user = DemoMailServer.NewTestAccount("bench-suggest");
        var store = app.Services.GetRequiredService<IContactStore>();
        await store.ImportAsync(user, [.. Book()]);

        var rows = new List<string>();
        var first = await TimedAsync(async () =>
        {
            var book = app.AddressBookFor(user);
            await book.PrepareAsync();
            await WaitForDirectoryAsync(book);
        });
        rows.Add(Row("first query of a session (book read, directory read)", first, "-"));
        var warm = app.AddressBookFor(user);
        await warm.PrepareAsync();
        await WaitForDirectoryAsync(warm);
        var cold = await TimedAsync(() => app.AddressBookFor(user).SuggestAsync("张"));
        rows.Add(Row("first query of a session (book read; directory in memory)", cold, "-"));
        foreach (var (label, typed) in Queries)
        {
            var found = 0;
            var median = await Measure.MedianAsync(runs, async () => found = (await warm.SuggestAsync(typed)).Count);
            rows.Add(Row($"{label} \"{typed}\"", median, found.ToString()));
        }

        Console.WriteLine($"Suggestions: {Contacts:N0} contacts + {DemoDirectory.People:N0} directory people, medians of {runs} runs ({Environment.ProcessorCount} cores)");
        Console.WriteLine($"| {"what is typed",-62} | {"ms",8} | {"shown",5} |");
        Console.WriteLine($"|{new string('-', 64)}|{new string('-', 10)}|{new string('-', 7)}|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static readonly (string Label, string Typed)[] Queries =
    [
        ("a Chinese character", "张"),
        ("a two-character surname", "欧阳"),
        ("initials", "zw"),
        ("whole pinyin", "zhangwei"),
        ("a student number", "2023000"),
        ("an address", "li.na"),
        ("one letter (the most matches)", "l"),
        ("a group's initials", "rjgc"),
    ];

    /// <summary>5,000 people with Chinese names (as the directory's seed makes them), some written to often, and a few groups.</summary>
    private static IEnumerable<Contact> Book()
    {
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "欧阳"];
        string[] given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平"];
        for (var i = 0; i < Contacts - 10; i++)
        {
            var name = surnames[i * 7 % surnames.Length] + given[i * 13 % given.Length] + (i % 3 == 0 ? "" : given[(i * 31 + 5) % given.Length]);
            yield return new Contact("", name, [$"li.na{i}@school.test", $"{2023000000 + i}@school.test"], TimesWritten: i % 17);
        }

        for (var i = 0; i < 10; i++)
        {
            yield return new Contact("", $"软件工程{i}班", [.. Enumerable.Range(0, 30).Select(m => $"{2023000000 + i * 30 + m}@school.test")], IsGroup: true);
        }
    }

    private static async Task WaitForDirectoryAsync(AddressBookService book)
    {
        for (var i = 0; i < 300 && !(await book.SuggestAsync("wal")).Any(s => s.Source == SuggestionSource.Directory); i++)
        {
            await Task.Delay(100);
        }
    }

    private static async Task<double> TimedAsync(Func<Task> action)
    {
        var stopwatch = Stopwatch.StartNew();
        await action();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static string Row(string what, double ms, string shown) => $"| {what,-62} | {ms,8:F1} | {shown,5} |";

    private static Dictionary<string, string?> WithQuietLogs(Dictionary<string, string?> settings)
    {
        settings["Logging:LogLevel:Default"] = "Warning";
        return settings;
    }
}
