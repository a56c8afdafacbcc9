namespace WebMail.Benchmarks.Load;

/// <summary>
/// CPU seconds used by each program on the machine (from /proc), so a run can say whether the time went to the
/// webmail (this process), the browser that plays the users, or the mail server. Processes that ended between two
/// readings are not counted, which makes the numbers lower bounds.
/// </summary>
internal sealed class CpuByProgram
{
    private static readonly double TicksPerSecond = 100; // USER_HZ: 100 on every Linux this runs on.
    private readonly Dictionary<int, (string Program, double Seconds)> _start;

    private CpuByProgram(Dictionary<int, (string Program, double Seconds)> start) => _start = start;

    public static CpuByProgram Start() => new(Read());

    /// <summary>Seconds of CPU per program since <see cref="Start"/>, largest first.</summary>
    public IReadOnlyList<(string Program, double Seconds)> Used()
    {
        var now = Read();
        return [.. now.Select(p => (p.Value.Program, Seconds: p.Value.Seconds - (_start.TryGetValue(p.Key, out var s) && s.Program == p.Value.Program ? s.Seconds : 0)))
            .GroupBy(p => p.Program)
            .Select(g => (g.Key, g.Sum(p => p.Seconds)))
            .Where(p => p.Item2 >= 0.5)
            .OrderByDescending(p => p.Item2)];
    }

    private static Dictionary<int, (string Program, double Seconds)> Read()
    {
        var result = new Dictionary<int, (string Program, double Seconds)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                // "pid (comm) state ppid …": the name may hold spaces, so split after the last ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var close = stat.LastIndexOf(')');
                var name = stat[(stat.IndexOf('(') + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                // Fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the name.
                var ticks = double.Parse(fields[11]) + double.Parse(fields[12]);
                result[pid] = (pid == Environment.ProcessId ? "webmail (this process)" : ProgramOf(name), ticks / TicksPerSecond);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return result;
    }

    private static string ProgramOf(string name) => name switch
    {
        _ when name.StartsWith("chrom", StringComparison.Ordinal) => "chromium",
        "imap" or "imap-login" or "dovecot" or "auth" or "anvil" or "log" or "config" or "stats" => "dovecot",
        _ => name,
    };
}
