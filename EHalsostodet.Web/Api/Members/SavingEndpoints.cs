namespace EHalsostodet.Web.Api.Members;

/// <summary>
/// The saving part of /api/v1/me: saved items, own collections and follows of the signed-in
/// account (cookie or bearer token, as the management API). 401 without sign-in; another
/// account's collection answers 404, as one that does not exist.
/// </summary>
public static class SavingEndpoints
{
    public static RouteGroupBuilder MapSavingEndpoints(this RouteGroupBuilder me)
    {
        me.MapSavedEndpoints();
        me.MapOwnCollectionEndpoints();
        me.MapFollowEndpoints();
        return me;
    }
}
