using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace WebMail.Testing;

/// <summary>Packages from the npm registry, fetched with npm's own client (which knows the machine's registry settings).</summary>
public static class NpmPackage
{
    /// <summary>Fetches a package and returns its files by path relative to the package root.</summary>
    public static async Task<Dictionary<string, byte[]>> FilesAsync(string name, string version)
    {
        var folder = Directory.CreateTempSubdirectory("webmail-npm-");
        try
        {
            var npm = Process.Start(new ProcessStartInfo("npm", ["pack", $"{name}@{version}", "--silent", "--pack-destination", folder.FullName])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await npm.WaitForExitAsync(timeout.Token);
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm pack {name}@{version} failed: {await npm.StandardError.ReadToEndAsync()}");
            }

            var files = new Dictionary<string, byte[]>();
            await using var gzip = new GZipStream(File.OpenRead(Directory.GetFiles(folder.FullName, "*.tgz").Single()), CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                if (entry.DataStream is { } data)
                {
                    using var copy = new MemoryStream();
                    await data.CopyToAsync(copy);
                    files[entry.Name["package/".Length..]] = copy.ToArray();
                }
            }

            return files;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
