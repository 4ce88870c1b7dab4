using System.Diagnostics;
using Dossier.Dashboard.SignIn;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Dossier.Dashboard.Tests;

/// <summary>scripts/hash-password.py makes hashes the dashboard's verifier (ASP.NET Core Identity's PasswordHasher) accepts.</summary>
public sealed class PasswordHashScriptTests
{
    [Fact]
    public async Task HashPasswordScript_Output_VerifiesOnlyTheSamePassword()
    {
        var hash = await RunScriptAsync("quiet harbour at dawn");
        var verifier = new SignInVerifier(new ConfigurationBuilder().Build(), Options.Create(new DashboardSignInOptions { PasswordHash = hash }));

        Assert.Equal("password", verifier.Verify("quiet harbour at dawn"));
        Assert.Null(verifier.Verify("quiet harbour at dusk"));
        Assert.Null(verifier.Verify(""));
    }

    [Fact]
    public void Verifier_NoKeyNoPassword_AcceptsNothing()
    {
        var verifier = new SignInVerifier(new ConfigurationBuilder().Build(), Options.Create(new DashboardSignInOptions()));

        Assert.False(verifier.HasPassword);
        Assert.Null(verifier.Verify("anything"));
    }

    private static async Task<string> RunScriptAsync(string password)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "scripts", "hash-password.py")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var start = new ProcessStartInfo("python3", [Path.Combine(dir.FullName, "scripts", "hash-password.py"), "--stdin"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(password);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output.Trim();
    }
}
