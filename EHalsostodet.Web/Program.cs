using EHalsostodet.Core;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Persistence;
using EHalsostodet.Core.Search.Lucene;
using EHalsostodet.Web;

var builder = WebApplication.CreateBuilder(args);
// `dotnet run` serves wwwroot's compressed and fingerprinted assets from the build output in
// every environment, not only Development; a published app has no such manifest and is unaffected.
builder.WebHost.UseStaticWebAssets();
builder.Services.AddPortalCore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddPortalWeb(builder.Configuration);

var app = builder.Build();
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(app.Lifetime.ApplicationStopping);
    await scope.ServiceProvider.GetRequiredService<AccountBootstrapper>().EnsureAsync();
    if (args is ["search", "rebuild", ..])
    {
        var count = await scope.ServiceProvider.GetRequiredService<SearchIndexSync>().RebuildAsync(new EHalsostodet.Web.Operations.RebuildProgressBar(Console.Out), CancellationToken.None);
        Console.WriteLine($"Sökindexet är ombyggt: {count} publicerade innehåll.");
        return;
    }
    if (args is ["backup", .. var backupArgs])
    {
        Environment.ExitCode = await scope.ServiceProvider.GetRequiredService<EHalsostodet.Web.Operations.BackupCommand>().RunAsync(backupArgs, Console.Out, CancellationToken.None);
        return;
    }
    if (args is ["usync", .. var usyncArgs])
    {
        Environment.ExitCode = await scope.ServiceProvider.GetRequiredService<EHalsostodet.Core.Sync.SyncCommand>().RunAsync(usyncArgs, Console.Out, CancellationToken.None);
        return;
    }
}
app.UsePortalWeb();
await app.RunAsync();
public partial class Program;
