namespace EHalsostodet.Web.BackOffice.Editing;

public static class EditingServiceCollectionExtensions
{
    /// <summary>The editor pages' services: saving, previews, drafts that survive a lost session, and conflict merging.</summary>
    public static IServiceCollection AddContentEditing(this IServiceCollection services)
    {
        services.AddScoped<ContentEditor>();
        services.AddScoped<ContentPreviewBuilder>();
        services.AddSingleton<DraftOwnerTokens>();
        services.AddScoped<EditorConflictLoader>();
        return services;
    }

    /// <summary>Between authentication and authorisation: a form whose session has ended is kept before the login redirect.</summary>
    public static IApplicationBuilder UseSignedOutEditorFormKeeper(this IApplicationBuilder app) =>
        app.UseMiddleware<SignedOutEditorFormKeeper>();
}
