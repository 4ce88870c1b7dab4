namespace Dossier.Contracts;

/// <summary>
/// For clients of the Dossier services (CLI, benchmarks, tests): sends the API key that write calls need, as the
/// <c>x-api-key</c> header (gRPC metadata), with every request.
/// </summary>
public sealed class ApiKeyHandler(string key) : DelegatingHandler
{
    public const string Header = "x-api-key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation(Header, key);
        return base.SendAsync(request, cancellationToken);
    }
}
