using EHalsostodet.Core.Content;
using EHalsostodet.Core.Export;

namespace EHalsostodet.Core.Addresses;

/// <summary>
/// The one place that builds the portal's site-relative addresses: public pages, members' pages
/// (<see cref="Members"/>) and the back office (<see cref="BackOffice"/>). Slugs, tokens and query
/// values are escaped here, so an odd character can never break a link. The routes themselves
/// (<c>@page "/…"</c>, <c>MapGet("/…")</c>) name the same text; a test checks that every address
/// built here reaches its route. <see cref="Sharing.PublicUrls"/> makes an absolute URL of a path.
/// </summary>
public static class PortalPaths
{
    public const string Home = "/";
    public const string StoryList = "/berattelser";
    public const string CollectionList = "/samlingar";
    public const string InitiativeList = "/kunskapshojande-initiativ";
    public const string TagList = "/taggar";
    public const string SearchPage = "/sok";
    public const string ContactForm = "/skriv-till-oss";
    public const string ContactFormSent = ContactForm + "/skickat";
    public const string Sitemap = "/sitemap.xml";
    /// <summary>Where members' collections shared by a link live: <see cref="SharedCollection"/>.</summary>
    public const string SharedCollections = "/delad-samling";
    /// <summary>Where members' action plans shared by a link live: <see cref="SharedPlan"/>.</summary>
    public const string SharedPlans = "/delad-handlingsplan";
    /// <summary>Where the one-click unsubscribe links of notice mails live: <see cref="Unsubscribe"/>.</summary>
    public const string Unsubscriptions = "/avsluta-prenumeration";

    /// <summary>The editors' pages about the portal (content pages with fixed slugs).</summary>
    public static string About => ContentPage("om");

    public static string AccessibilityStatement => ContentPage("tillganglighetsredogorelse");

    public static string Contact => ContentPage("kontakt");

    public static string Privacy => ContentPage("personuppgifter");

    /// <summary>The public page of a published item of any type.</summary>
    public static string Of(ContentType type, string slug) => type switch
    {
        ContentType.Story => Story(slug),
        ContentType.Collection => Collection(slug),
        ContentType.Initiative => Initiative(slug),
        ContentType.Page => ContentPage(slug),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static string Story(string slug) => StoryList + "/" + Escape(slug);

    /// <summary>A story as a PDF, PowerPoint or Word file.</summary>
    public static string StoryExport(string slug, ExportFormat format) => Story(slug) + "/" + format.Extension();

    /// <summary>The story's short version (at most two pages) as PDF.</summary>
    public static string StoryShortPdf(string slug) => Story(slug) + "/kortversion/pdf";

    public static string Collection(string slug) => CollectionList + "/" + Escape(slug);

    public static string CollectionPdf(string slug) => Collection(slug) + "/pdf";

    public static string CollectionFeed(string slug) => Collection(slug) + "/feed";

    public static string Initiative(string slug) => InitiativeList + "/" + Escape(slug);

    /// <summary>The initiatives of one område, by its key in the address.</summary>
    public static string InitiativeArea(string areaKey) => WithQuery(InitiativeList, ("omrade", areaKey));

    public static string ContentPage(string slug) => "/" + Escape(slug);

    public static string Tag(string slug) => TagList + "/" + Escape(slug);

    public static string TagFeed(string slug) => Tag(slug) + "/feed";

    /// <summary>The search page with words typed and/or one tag chosen.</summary>
    public static string Search(string? query = null, string? tag = null) =>
        WithQuery(SearchPage, ("q", query), ("tag", tag));

    /// <summary>The QR code (SVG) of a page that has one: a story, a collection or a shared collection.</summary>
    public static string QrCode(string pagePath) => pagePath + "/qr.svg";

    /// <summary>A member's collection shared by a link: readable by anyone with the token.</summary>
    public static string SharedCollection(string token) => SharedCollections + "/" + Escape(token);

    public static string SharedCollectionPdf(string token) => SharedCollection(token) + "/pdf";

    /// <summary>A member's action plan shared by a link.</summary>
    public static string SharedPlan(string token) => SharedPlans + "/" + Escape(token);

    /// <summary>A shared action plan as a PDF or Word file.</summary>
    public static string SharedPlanExport(string token, ExportFormat format) => SharedPlan(token) + "/" + format.Extension();

    /// <summary>One-click unsubscribe from notice mails.</summary>
    public static string Unsubscribe(string token) => Unsubscriptions + "/" + Escape(token);

    /// <summary>The page that explains an HTTP status code.</summary>
    public static string Error(int statusCode) => "/fel/" + statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The signed-in members' pages, under /mina-sidor.</summary>
    public static class Members
    {
        public const string Home = "/mina-sidor";
        public const string Logout = Home + "/logga-ut";
        public const string Register = Home + "/registrera";
        public const string ForgotPassword = Home + "/glomt-losenord";
        /// <summary>Where the link in the confirmation mail leads, and where a new one is ordered.</summary>
        public const string Confirm = Home + "/bekrafta";
        public const string ResetPassword = Home + "/aterstall-losenord";
        public const string Profile = Home + "/profil";
        public const string Saved = Home + "/sparat";
        public const string OwnCollections = Home + "/samlingar";
        public const string Plans = Home + "/handlingsplaner";
        public const string Notices = Home + "/notiser";
        public const string Settings = Home + "/installningar";
        public const string MyData = Home + "/mina-uppgifter";

        /// <summary>The sign-in page, coming back to <paramref name="returnUrl"/> afterwards.</summary>
        public static string Login(string? returnUrl = null) => WithQuery(Home + "/logga-in", ("ReturnUrl", returnUrl));

        /// <summary>A link from a mail that carries an account and a token (confirmation, new password).</summary>
        public static string AccountLink(string path, string userId, string token) => WithQuery(path, ("userId", userId), ("code", token));

        /// <summary>Saving an item after signing in; <paramref name="back"/> is the page to return to.</summary>
        public static string ConfirmSave(Guid itemId, string backQuery, string back) => WithQuery(Home + "/spara/" + itemId, (backQuery, back));

        public static string NoticesPage(int page) => WithQuery(Notices, ("sida", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        public static string OwnCollection(Guid id) => OwnCollections + "/" + id;

        public static string OwnCollectionPdf(Guid id) => OwnCollection(id) + "/pdf";

        public static string Plan(Guid id) => Plans + "/" + id;

        /// <summary>An action plan as a PDF or Word file.</summary>
        public static string PlanExport(Guid id, ExportFormat format) => Plan(id) + "/" + format.Extension();
    }

    /// <summary>The editors' pages, under /redaktion.</summary>
    public static class BackOffice
    {
        public const string Home = "/redaktion";
        public const string Logout = Home + "/logga-ut";
        public const string ContentList = Home + "/innehall";
        public const string Media = Home + "/media";
        public const string Insights = Home + "/insikter";
        public const string SearchMisses = Home + "/sokningar-utan-traffar";
        public const string SearchTuning = Home + "/sokning";
        public const string Tags = Home + "/taggar";
        public const string Messages = Home + "/meddelanden";
        public const string Links = Home + "/lankar";
        public const string Audit = Home + "/granskningslogg";
        public const string Users = Home + "/anvandare";
        public const string NewUser = Users + "/ny";
        /// <summary>Content as files (uSync): export, upload, apply.</summary>
        public const string Sync = Home + "/innehall-som-filer";

        /// <summary>The sign-in page, coming back to <paramref name="returnUrl"/> afterwards.</summary>
        public static string Login(string? returnUrl = null) => WithQuery(Home + "/logga-in", ("ReturnUrl", returnUrl));

        /// <summary>A new item of a type, by its key (story, collection, initiative, page).</summary>
        public static string NewContent(string typeKey) => ContentList + "/ny/" + Escape(typeKey);

        /// <summary>An item's overview: its state, workflow actions and addresses.</summary>
        public static string Content(Guid id) => ContentList + "/" + id;

        public static string Edit(Guid id) => Content(id) + "/redigera";

        /// <summary>Merging a draft with a version saved by someone else meanwhile.</summary>
        public static string Conflict(Guid id) => Content(id) + "/konflikt";

        public static string Preview(Guid id) => Content(id) + "/forhandsgranska";

        public static string History(Guid id) => Content(id) + "/historik";

        /// <summary>Two versions side by side; without numbers, the form that picks them.</summary>
        public static string Compare(Guid id, int? from = null, int? to = null) =>
            WithQuery(Content(id) + "/jamfor", ("fran", Number(from)), ("till", Number(to)));

        public static string MediaItem(Guid id) => Media + "/" + id;

        /// <summary>One item's usage in a period, <paramref name="periodQuery"/> being the period's query string (escaped).</summary>
        public static string InsightsItem(Guid id, string? periodQuery = null) =>
            Insights + "/innehall/" + id + (string.IsNullOrEmpty(periodQuery) ? "" : "?" + periodQuery);

        private static string? Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The path with the query values that are set, each escaped; unset (null or empty) values are left out.</summary>
    public static string WithQuery(string path, params (string Name, string? Value)[] values)
    {
        var parts = values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => Uri.EscapeDataString(v.Name) + "=" + Uri.EscapeDataString(v.Value!)).ToList();
        return parts.Count == 0 ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join('&', parts);
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
