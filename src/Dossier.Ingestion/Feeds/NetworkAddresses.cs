using System.Net;
using System.Net.Sockets;

namespace Dossier.Ingestion.Feeds;

/// <summary>Which IP addresses are on the public internet (RFC 6890 special-purpose ranges are not).</summary>
public static class NetworkAddresses
{
    /// <summary>False for loopback, private (RFC 1918, unique-local), link-local, CGNAT, multicast, unspecified and reserved addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0                                   // "this network"
                || b[0] == 10                                    // private
                || b[0] == 127                                   // loopback
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)     // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254)                  // link-local (cloud metadata endpoints)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)      // private
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)       // IETF protocol assignments
                || (b[0] == 192 && b[1] == 168)                  // private
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))   // benchmarking
                || b[0] >= 224);                                 // multicast, reserved, broadcast
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.Equals(IPAddress.IPv6None)          // ::
                || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC                         // unique local fc00::/7
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)  // documentation
                || (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)     // NAT64 (would reach IPv4 inside)
                || address.IsIPv4MappedToIPv6);
        }

        return false;
    }
}
