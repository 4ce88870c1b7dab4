using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Refuses a request with a NUL character in any string field (ids, filters, page tokens, texts) with
/// <c>INVALID_ARGUMENT</c> before any service code runs: no store is ever asked about one (PostgreSQL cannot hold NUL in
/// text, and no Dossier value needs it).
/// </summary>
public sealed class NulGuardInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, responseStream, context);
    }

    private static void Check(object? request)
    {
        if (request is IMessage message && FindNul(message, 0) is { } field)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field} contains a NUL character"));
        }
    }

    /// <summary>The name of the first string field holding a NUL (nested messages and repeated fields included), or null.</summary>
    public static string? FindNul(IMessage message, int depth)
    {
        if (depth > 32)
        {
            return null;
        }

        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var value = field.Accessor.GetValue(message);
            switch (field.FieldType)
            {
                case FieldType.String when field.IsRepeated:
                    foreach (var item in (System.Collections.IEnumerable)value)
                    {
                        if (item is string s && s.Contains('\0', StringComparison.Ordinal))
                        {
                            return field.Name;
                        }
                    }

                    break;
                case FieldType.String:
                    if (value is string text && text.Contains('\0', StringComparison.Ordinal))
                    {
                        return field.Name;
                    }

                    break;
                case FieldType.Message when field.IsRepeated && !field.IsMap:
                    foreach (var item in (System.Collections.IEnumerable)value)
                    {
                        if (item is IMessage nested && FindNul(nested, depth + 1) is { } name)
                        {
                            return $"{field.Name}.{name}";
                        }
                    }

                    break;
                case FieldType.Message when !field.IsMap:
                    if (value is IMessage single && FindNul(single, depth + 1) is { } inner)
                    {
                        return $"{field.Name}.{inner}";
                    }

                    break;
            }
        }

        return null;
    }
}
