namespace WebMail.Testing;

public static class RepositoryPaths
{
    /// <summary>The folder holding WebMail.sln, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WebMail.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("WebMail.sln not found above " + AppContext.BaseDirectory);
    }
}
