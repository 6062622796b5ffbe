using EHalsostodet.Core;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Web;

var builder = WebApplication.CreateBuilder(args);
// `dotnet run` serves wwwroot's compressed and fingerprinted assets from the build output in
// every environment, not only Development; a published app has no such manifest and is unaffected.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddPortalCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPortalWeb();

var app = builder.Build();
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(app.Lifetime.ApplicationStopping);
    await scope.ServiceProvider.GetRequiredService<AccountBootstrapper>().EnsureAsync();
}
app.UsePortalWeb();
await app.RunAsync();
public partial class Program;
