using System.Reflection;
using Google.Api;
using Google.Protobuf.Reflection;

namespace Dossier.Services.Tests;

/// <summary>One <c>google.api.http</c> rule of a proto method: the service that declares it, the HTTP method and the path template.</summary>
public sealed record ProtoHttpRoute(string Service, string Method, string Verb, string Path)
{
    public override string ToString() => $"{Service}.{Method}: {Verb.ToUpperInvariant()} {Path}";
}

/// <summary>
/// Every <c>google.api.http</c> rule of the dossier.v1 protos, read from the descriptors Dossier.Contracts compiled
/// (every generated <c>*Reflection.Descriptor</c> of the assembly, so a new proto file is picked up by itself).
/// </summary>
public static class ProtoHttpRoutes
{
    public static IReadOnlyList<ProtoHttpRoute> All() =>
        [.. Files().SelectMany(f => f.Services).SelectMany(Routes).Distinct()];

    /// <summary>The compiled dossier.v1 proto files.</summary>
    public static IEnumerable<FileDescriptor> Files() =>
        typeof(Dossier.Contracts.V1.QueryService).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>()
            .Where(f => f.Package == "dossier.v1");

    private static IEnumerable<ProtoHttpRoute> Routes(ServiceDescriptor service)
    {
        foreach (var method in service.Methods)
        {
            var rule = method.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
            if (rule is null)
            {
                continue;
            }

            foreach (var r in rule.AdditionalBindings.Prepend(rule))
            {
                var (verb, path) = r.PatternCase switch
                {
                    HttpRule.PatternOneofCase.Get => ("get", r.Get),
                    HttpRule.PatternOneofCase.Post => ("post", r.Post),
                    HttpRule.PatternOneofCase.Put => ("put", r.Put),
                    HttpRule.PatternOneofCase.Delete => ("delete", r.Delete),
                    HttpRule.PatternOneofCase.Patch => ("patch", r.Patch),
                    HttpRule.PatternOneofCase.Custom => (r.Custom.Kind.ToLowerInvariant(), r.Custom.Path),
                    _ => throw new InvalidOperationException($"{method.FullName}: an http rule without a pattern"),
                };
                yield return new ProtoHttpRoute(service.FullName, method.Name, verb, path);
            }
        }
    }
}
