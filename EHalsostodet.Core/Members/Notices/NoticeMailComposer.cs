using System.Text;
using EHalsostodet.Core.Accounts;
using EHalsostodet.Core.Addresses;
using EHalsostodet.Core.Sharing;

namespace EHalsostodet.Core.Members.Notices;

/// <summary>A composed mail to a member, with the one-click unsubscribe address for its headers.</summary>
public sealed record NoticeMail(string To, string Subject, string Body, string UnsubscribeUrl);

/// <summary>Writes the Swedish plain-text mails about notices: one at a time, or a digest.</summary>
public sealed class NoticeMailComposer(PublicUrls urls)
{
    private string BaseUrl => urls.BaseUrl;

    public string UnsubscribeUrl(MemberProfile profile) => urls.Absolute(PortalPaths.Unsubscribe(profile.UnsubscribeToken));

    public NoticeMail ForNotice(PortalUser user, MemberProfile profile, MemberNotice notice)
    {
        var body = new StringBuilder()
            .AppendLine("Hej " + user.NameForDisplay + ",")
            .AppendLine()
            .AppendLine(notice.Text)
            .AppendLine()
            .AppendLine("Läs berättelsen:")
            .AppendLine(BaseUrl + notice.Url);
        return new NoticeMail(user.Email!, Subject(notice.Text), Footer(body, profile).ToString(), UnsubscribeUrl(profile));
    }

    public NoticeMail Digest(PortalUser user, MemberProfile profile, IReadOnlyList<MemberNotice> notices, MailFrequency frequency)
    {
        var period = frequency == MailFrequency.Weekly ? "Veckans" : "Dagens";
        var body = new StringBuilder()
            .AppendLine("Hej " + user.NameForDisplay + ",")
            .AppendLine()
            .AppendLine(notices.Count == 1
                ? "Det här har hänt i det du följer på E-hälsostödet:"
                : "Det här har hänt i det du följer på E-hälsostödet (" + notices.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " notiser):")
            .AppendLine();
        foreach (var notice in notices)
        {
            body.AppendLine("- " + notice.Text)
                .AppendLine("  " + BaseUrl + notice.Url)
                .AppendLine();
        }
        var subject = $"{period} sammanfattning från E-hälsostödet: {notices.Count} {(notices.Count == 1 ? "ny notis" : "nya notiser")}";
        return new NoticeMail(user.Email!, subject, Footer(body, profile).ToString(), UnsubscribeUrl(profile));
    }

    private StringBuilder Footer(StringBuilder body, MemberProfile profile) => body
        .AppendLine()
        .AppendLine("Alla dina notiser finns på")
        .AppendLine(urls.Absolute(PortalPaths.Members.Notices))
        .AppendLine()
        .AppendLine("Du får det här meddelandet eftersom du följer innehåll på E-hälsostödet.")
        .AppendLine("Välj hur ofta du vill få e-post: " + urls.Absolute(PortalPaths.Members.Settings))
        .AppendLine("Sluta få e-post från E-hälsostödet med ett klick:")
        .AppendLine(UnsubscribeUrl(profile));

    private static string Subject(string text)
    {
        var subject = $"E-hälsostödet: {text}".ReplaceLineEndings(" ");
        return subject.Length <= 200 ? subject : subject[..199] + "…";
    }
}
