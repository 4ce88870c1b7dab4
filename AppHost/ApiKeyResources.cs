/// <summary>How each service learns the API key of writes.</summary>
internal static class ApiKeyResources
{
    /// <summary>
    /// The path of the data folder's key file when the key is kept there (<c>Dossier:ApiKeyFile</c>: the key is in no
    /// environment, so no process listing or resource view shows it), else the key as a secret parameter.
    /// </summary>
    public static IResourceBuilder<T> WithApiKey<T>(this IResourceBuilder<T> resource, DossierSettings settings, IResourceBuilder<ParameterResource> key)
        where T : IResourceWithEnvironment =>
        settings.ApiKeyPath is { } path
            ? resource.WithEnvironment("Dossier__ApiKeyFile", path)
            : resource.WithEnvironment("Dossier__ApiKey", key);
}
