using System.Net;
using System.Net.Sockets;

namespace EHalsostodet.Web.RateLimiting;

/// <summary>Who a client is for rate limits and sign-in throttling: its address as the portal sees it.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The client's address; for IPv6 its /64 network, since one subscriber usually has a whole /64
    /// and could otherwise take a fresh address for every request. Behind a proxy the
    /// forwarded-headers middleware has already put the real client in the connection.
    /// </summary>
    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return "okänd";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
