namespace WebMail.MailSeeder;

internal sealed record SeederOptions(string Maildir, int Count, int RandomSeed)
{
    public static SeederOptions? Parse(string[] args)
    {
        string? maildir = null;
        int? count = null;
        var seed = 20261129;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--maildir": maildir = args[i + 1]; break;
                case "--count" when int.TryParse(args[i + 1], out var n) && n >= 0: count = n; break;
                case "--seed" when int.TryParse(args[i + 1], out var s): seed = s; break;
                default: return null;
            }
        }

        return maildir is null || count is null ? null : new SeederOptions(maildir, count.Value, seed);
    }
}
