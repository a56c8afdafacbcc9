using WebMail.Testing;

namespace WebMail.IntegrationTests;

/// <summary>
/// The committed client libraries are byte for byte what the npm registry publishes for the versions libman.json
/// declares. This needs npm and the registry, so it lives here and not in the unit tier.
/// </summary>
public sealed class LibmanRegistryTests
{
    private readonly CancellationToken _timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token;

    [Fact]
    public async Task Libman_CommittedFiles_AreByteIdenticalToTheNpmPackage()
    {
        foreach (var library in LibmanManifest.Libraries)
        {
            var package = await NpmPackage.FilesAsync(library.Name, library.Version);
            foreach (var file in library.Files)
            {
                Assert.True(package.TryGetValue(file, out var published), $"{library.Name}@{library.Version} has no {file}");
                var committed = await File.ReadAllBytesAsync(library.PathOf(file), _timeout);
                Assert.True(published.AsSpan().SequenceEqual(committed),
                    $"{library.PathOf(file)} differs from {file} of {library.Name}@{library.Version} in the npm registry");
            }
        }
    }
}
