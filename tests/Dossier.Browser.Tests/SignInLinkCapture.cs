using Microsoft.Extensions.Logging;

namespace Dossier.Browser.Tests;

/// <summary>Keeps the one-time sign-in link from the app host's log line (its <c>SignInUrl</c> property), as a person reads it from the console.</summary>
public sealed class SignInLinkCapture : ILoggerProvider
{
    /// <summary>The app host's log category of the line (AppHost/DashboardSignInLink.cs).</summary>
    public const string Category = "Dossier.AppHost.SignIn";

    private volatile string? _url;

    public string? Url => _url;

    public ILogger CreateLogger(string categoryName) => new Capture(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Capture(SignInLinkCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => category == Category;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (category == Category && state is IReadOnlyList<KeyValuePair<string, object?>> values
                && values.FirstOrDefault(v => v.Key == "SignInUrl").Value is string url)
            {
                owner._url = url;
            }
        }
    }
}
