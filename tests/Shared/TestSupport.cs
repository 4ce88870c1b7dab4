namespace Dossier.Tests.Shared;

/// <summary>The repository's root (the folder of Services.sln), found from the test's output folder.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Seeds => System.IO.Path.Combine(Path, "seeds");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Services.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Services.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Polls until a condition holds (things that happen in the background: seeding, telemetry export).</summary>
internal static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> get, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var value = await get();
            if (done(value) || DateTime.UtcNow > until)
            {
                return value;
            }

            await Task.Delay(500);
        }
    }
}
