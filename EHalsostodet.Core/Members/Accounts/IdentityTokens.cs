using System.Buffers.Text;
using System.Text;

namespace EHalsostodet.Core.Members.Accounts;

/// <summary>Identity's tokens made safe for a query string, and back.</summary>
public static class IdentityTokens
{
    public static string Encode(string token) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(token));

    /// <summary>The token, or null when the text is not one we wrote (a mangled link).</summary>
    public static string? Decode(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded) || !Base64Url.IsValid(encoded))
        {
            return null;
        }
        return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(encoded));
    }
}
