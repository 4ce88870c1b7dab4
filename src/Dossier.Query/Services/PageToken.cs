using System.Globalization;
using System.Text;
using Grpc.Core;

namespace Dossier.Query.Services;

/// <summary>Opaque page tokens (an offset, base64-encoded); a token that does not decode is the caller's error.</summary>
internal static class PageToken
{
    public static string Encode(int? offset) =>
        offset is { } o ? Convert.ToBase64String(Encoding.ASCII.GetBytes("o:" + o.ToString(CultureInfo.InvariantCulture))) : "";

    public static int Decode(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw new RpcException(new Status(StatusCode.InvalidArgument, "page_token is not valid"));
    }
}
