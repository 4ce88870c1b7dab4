using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dossier.Dashboard.SignIn;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dossier.Dashboard.Tests;

/// <summary>
/// The dashboard in memory (services unreachable) with an API key, a dashboard password and a one-time token: how people
/// sign in and out, that writes need sign-in and an antiforgery token, and that reads are open unless locked.
/// </summary>
public sealed partial class SignInTests(SignInTests.Factory factory) : IClassFixture<SignInTests.Factory>
{
    private const string ApiKey = "dash-test-key-5b21c0";
    private const string Password = "lantern orchard 1987";
    private const string Token = "one-time-token-of-the-tests";

    [Fact]
    public async Task SignIn_WrongSecret_Is401SayingOnlySignInFailed()
    {
        using var client = Client();

        using var response = await PostSignInAsync(client, "not-the-key");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Sign-in failed.", Notice(html));
        Assert.DoesNotContain("not-the-key", html, StringComparison.Ordinal);
        Assert.False(await client.SignedInAsync(), "no session cookie");
    }

    [Theory]
    [InlineData(ApiKey)]
    [InlineData(Password)]
    public async Task SignIn_KeyOrPassword_SignsInAndGoesBack(string secret)
    {
        using var client = Client();

        using var response = await PostSignInAsync(client, secret, returnUrl: "/queue");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/queue", response.Headers.Location?.OriginalString);
        Assert.True(await client.SignedInAsync());
        var overview = await client.PageAsync("/");
        Assert.Contains("id=\"sign-out\"", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ForeignReturnUrl_GoesToTheOverview()
    {
        using var client = Client();

        using var response = await PostSignInAsync(client, ApiKey, returnUrl: "https://evil.example/");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_Is400AndNoSession()
    {
        using var client = Client();
        await client.GetStringAsync(new Uri("/signin", UriKind.Relative));

        using var response = await client.PostAsync(new Uri("/signin", UriKind.Relative), Form(("Secret", ApiKey)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await client.SignedInAsync());
    }

    [Fact]
    public async Task Retry_SignedOut_RedirectsToSignInAndBackToTheQueue()
    {
        using var client = Client();
        var token = Antiforgery(await client.GetStringAsync(new Uri("/signin", UriKind.Relative)));

        using var response = await client.PostAsync(new Uri("/queue?handler=Retry", UriKind.Relative), Form(("__RequestVerificationToken", token)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?ReturnUrl=%2Fqueue", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("CfDJ8-not-a-token")]
    public async Task Retry_SignedInWithMissingOrWrongAntiforgeryToken_Is400WithTheErrorPage(string? token)
    {
        using var client = Client();
        using var signIn = await PostSignInAsync(client, ApiKey);

        using var response = await client.PostAsync(new Uri("/queue?handler=Retry", UriKind.Relative),
            token is null ? Form() : Form(("__RequestVerificationToken", token)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Request refused", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_SignedInWithItsToken_PassesAndReachesIngestion()
    {
        using var client = Client();
        using var signIn = await PostSignInAsync(client, ApiKey);
        var token = Antiforgery(await client.PageAsync("/"));

        using var response = await client.PostAsync(new Uri("/queue?handler=Retry", UriKind.Relative), Form(("__RequestVerificationToken", token)));
        var html = await response.Content.ReadAsStringAsync();

        // Past sign-in and antiforgery, the retry goes to ingestion, which is down in these tests.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("ingestion service is not reachable", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_Post_EndsTheSession()
    {
        using var client = Client();
        using var signIn = await PostSignInAsync(client, ApiKey);
        var token = Antiforgery(await client.PageAsync("/"));

        using var response = await client.PostAsync(new Uri("/signout", UriKind.Relative), Form(("__RequestVerificationToken", token)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await client.SignedInAsync());
    }

    [Fact]
    public async Task OneTimeLink_WorksOnceOnly()
    {
        using var first = Client();
        using var second = Client();

        using var accepted = await first.GetAsync(new Uri($"/signin?token={Token}", UriKind.Relative));
        using var again = await second.GetAsync(new Uri($"/signin?token={Token}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("no-referrer", accepted.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(await first.SignedInAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal("Sign-in failed.", Notice(await again.Content.ReadAsStringAsync()));
        Assert.False(await second.SignedInAsync());
    }

    [Fact]
    public async Task OneTimeLink_Expired_Fails()
    {
        using var expired = factory.WithWebHostBuilder(b => b.UseSetting("Dossier:Dashboard:SignInTokenExpires",
            DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture)));
        using var client = expired.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri($"/signin?token={Token}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task LockReads_PagesNeedSignInButSignInHealthAndStylesStayOpen()
    {
        using var locked = factory.WithWebHostBuilder(b => b.UseSetting("Dossier:LockReads", "true"));
        using var client = locked.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var overview = await client.GetAsync(new Uri("/articles?country=MA", UriKind.Relative));
        using var signIn = await client.GetAsync(new Uri("/signin", UriKind.Relative));
        using var health = await client.GetAsync(new Uri("/alive", UriKind.Relative));
        using var css = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, overview.StatusCode);
        Assert.Equal("/signin?ReturnUrl=%2Farticles%3Fcountry%3DMA", overview.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }

    [Fact]
    public async Task Reads_NotLocked_AreOpen()
    {
        using var client = Client();

        using var response = await client.GetAsync(new Uri("/queue", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public void Verifier_MalformedPasswordHash_FailsAtStart()
    {
        using var broken = factory.WithWebHostBuilder(b => b.UseSetting("Dossier:Dashboard:PasswordHash", "plain-text-password"));

        var e = Assert.ThrowsAny<Exception>(() => broken.Services.GetService(typeof(SignInVerifier)));

        Assert.Contains("PasswordHash is not a password hash", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_NoneIgnoresAntiforgery()
    {
        var pages = typeof(DashboardOptions).Assembly.GetTypes().Where(t => typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(t));

        Assert.NotEmpty(pages);
        Assert.DoesNotContain(pages, t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryTokenAttribute), inherit: true).Length > 0);
    }

    private CookieClient Client() => new(factory);

    private static async Task<HttpResponseMessage> PostSignInAsync(CookieClient client, string secret, string? returnUrl = null)
    {
        var form = await client.GetStringAsync(new Uri("/signin", UriKind.Relative));
        return await client.PostAsync(new Uri("/signin", UriKind.Relative),
            Form(("__RequestVerificationToken", Antiforgery(form)), ("Secret", secret), ("ReturnUrl", returnUrl ?? "")));
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static string Antiforgery(string html) => AntiforgeryField().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("no antiforgery token on the page");

    private static string? Notice(string html) => FailedNotice().Match(html) is { Success: true } m ? m.Groups[1].Value.Trim() : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("id=\"signin-failed\"[^>]*>([^<]*)<")]
    private static partial Regex FailedNotice();

    /// <summary>A client of the test server that keeps cookies and does not follow redirects.</summary>
    private sealed class CookieClient(Factory factory) : IDisposable
    {
        private readonly HttpClient _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        public Task<string> GetStringAsync(Uri uri) => _client.GetStringAsync(uri);

        /// <summary>The HTML of a page, whatever its status (the overview is a 503 while query is down).</summary>
        public async Task<string> PageAsync(string path)
        {
            using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
            return await response.Content.ReadAsStringAsync();
        }

        public Task<HttpResponseMessage> GetAsync(Uri uri) => _client.GetAsync(uri);

        public Task<HttpResponseMessage> PostAsync(Uri uri, HttpContent content) => _client.PostAsync(uri, content);

        /// <summary>True when the client's next request carries a session: the sign-out page offers its button.</summary>
        public async Task<bool> SignedInAsync() =>
            (await _client.GetStringAsync(new Uri("/signout", UriKind.Relative))).Contains("<button type=\"submit\">Sign out", StringComparison.Ordinal);

        public void Dispose() => _client.Dispose();
    }

    public sealed class Factory : WebApplicationFactory<DashboardOptions>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            const string closed = "http://127.0.0.1:9";
            builder.UseEnvironment("Development");
            builder.UseSetting("Services:query:grpc:0", closed);
            builder.UseSetting("Services:ingestion:grpc:0", closed);
            builder.UseSetting("Dossier:AspireDashboardUrl", closed);
            builder.UseSetting("Dossier:ApiKey", ApiKey);
            builder.UseSetting("Dossier:Dashboard:PasswordHash", new PasswordHasher<string>().HashPassword("dashboard", Password));
            builder.UseSetting("Dossier:Dashboard:SignInTokenHash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Token))));
            builder.UseSetting("Dossier:Dashboard:SignInTokenExpires", DateTimeOffset.UtcNow.AddHours(1).ToString("O", CultureInfo.InvariantCulture));
        }
    }
}
