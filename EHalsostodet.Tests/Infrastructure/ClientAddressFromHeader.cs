using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace EHalsostodet.Tests.Infrastructure;

/// <summary>
/// Stands in for the forwarded-headers middleware: the portal sees the client address given in the
/// test header, so a test can play several clients (rate limits, sign-in throttling).
/// Add it with <c>services.AddSingleton&lt;IStartupFilter, ClientAddressFromHeader&gt;()</c>.
/// </summary>
internal sealed class ClientAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}
