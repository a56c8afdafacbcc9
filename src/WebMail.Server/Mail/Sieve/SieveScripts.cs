using WebMail.Client.Services;

namespace WebMail.Server.Mail.Sieve;

/// <summary>
/// What WebMail does with a user's scripts on a signed-in ManageSieve connection: reads its own (leaving the others
/// alone) and writes it, checked first, keeping another program's active script running by including it.
/// </summary>
public static class SieveScripts
{
    public static async Task<FiltersOnServer> ReadAsync(ManageSieveClient client, CancellationToken cancellationToken)
    {
        var scripts = await client.ListScriptsAsync(cancellationToken);
        var ours = scripts.FirstOrDefault(s => s.Name == FiltersScript.Name);
        var others = scripts.Where(s => s.Name != FiltersScript.Name).OrderByDescending(s => s.Active).Select(s => s.Name).ToList();
        var filters = new MailFilters();
        string? keptRunning = null;
        if (ours is not null)
        {
            var text = await client.GetScriptAsync(ours.Name, cancellationToken);
            // A script of that name WebMail cannot read (edited by hand): shown empty, replaced by the next save.
            filters = FiltersScript.Read(text) ?? new MailFilters();
            keptRunning = FiltersScript.IncludedScript(text);
        }

        var running = ours is null || ours.Active || FiltersScript.IsEmpty(filters);
        return new FiltersOnServer(filters, running, others, keptRunning, client.Extensions);
    }

    /// <summary>Writes WebMail's script from <paramref name="filters"/>, checked by the server first, and makes it the active one.</summary>
    /// <exception cref="MailOperationException">FiltersRefused, with the server's words, when it does not accept the script.</exception>
    public static async Task<FiltersOnServer> WriteAsync(ManageSieveClient client, MailFilters filters, CancellationToken cancellationToken)
    {
        var scripts = await client.ListScriptsAsync(cancellationToken);
        var active = scripts.FirstOrDefault(s => s.Active);
        var keep = active is null ? null
            : active.Name == FiltersScript.Name ? FiltersScript.IncludedScript(await client.GetScriptAsync(FiltersScript.Name, cancellationToken))
            : active.Name;
        if (keep is not null && !scripts.Any(s => s.Name == keep))
        {
            keep = null; // the other program deleted it since
        }

        var script = FiltersScript.Write(filters, keep);
        if (await client.CheckScriptAsync(script, cancellationToken) is { } error)
        {
            throw new MailOperationException(MailProblem.FiltersRefused, detail: error);
        }

        try
        {
            await client.PutScriptAsync(FiltersScript.Name, script, cancellationToken);
            // Nothing of WebMail's to run: the other program's script goes back to being the active one itself.
            await client.SetActiveAsync(FiltersScript.IsEmpty(filters) && keep is not null ? keep : FiltersScript.Name, cancellationToken);
        }
        catch (ManageSieveCommandException exception)
        {
            // A quota, a name the server will not take: its words, for the user.
            throw new MailOperationException(MailProblem.FiltersRefused, exception, exception.Text);
        }

        return await ReadAsync(client, cancellationToken);
    }
}
