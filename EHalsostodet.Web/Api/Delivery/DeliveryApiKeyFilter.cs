using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace EHalsostodet.Web.Api.Delivery;

/// <summary>
/// When API keys are configured, a delivery request must carry one of them in X-Api-Key;
/// otherwise the API is open. Keys are compared in constant time.
/// </summary>
public sealed class DeliveryApiKeyFilter(IOptions<DeliveryOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var keys = options.Value.ApiKeys.Where(k => !string.IsNullOrEmpty(k)).ToList();
        if (keys.Count == 0 || IsAccepted(context.HttpContext.Request.Headers[HeaderName].ToString(), keys))
        {
            return await next(context);
        }
        return TypedResults.Problem(
            title: "Ogiltig eller saknad API-nyckel.",
            detail: $"Leverans-API:t kräver en giltig nyckel i huvudet {HeaderName}.",
            statusCode: StatusCodes.Status401Unauthorized);
    }

    private static bool IsAccepted(string presented, IReadOnlyList<string> keys)
    {
        // Hashing first gives equal lengths, so FixedTimeEquals does not leak a key's length;
        // every key is compared so the time does not say which one came close.
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var accepted = false;
        foreach (var key in keys)
        {
            accepted |= CryptographicOperations.FixedTimeEquals(presentedHash, SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }
        return accepted && presented.Length > 0;
    }
}
