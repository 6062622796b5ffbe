using EHalsostodet.Core.Content;

namespace EHalsostodet.Benchmarks.Search.Corpus;

/// <summary>A kind of digital welfare technology a story is about.</summary>
/// <param name="Name">As it reads inside a sentence, e.g. "digitala trygghetslarm".</param>
/// <param name="Settings">Where such a solution is used, as it reads after "i".</param>
internal sealed record Theme(string Name, string Product, string Effect, IReadOnlyList<OperationalArea> Areas, IReadOnlyList<string> Tags, IReadOnlyList<string> Settings);

/// <summary>
/// Swedish words and sentence templates around digital welfare technology in municipal social
/// services and health care, so the synthetic corpus reads, stems and ranks like the real one.
/// Placeholders: {theme}, {product}, {effect}, {setting}, {municipality}, {role}, {other},
/// {year}, {number}, {percent}, {word}, {word2}.
/// </summary>
internal static class WelfareTechVocabulary
{
    private static readonly string[] Home = ["hemtjänsten", "ordinärt boende", "hemsjukvården"];
    private static readonly string[] Residential = ["särskilt boende", "korttidsboendet", "demensboendet"];
    private static readonly string[] Lss = ["LSS-boenden", "gruppbostäder enligt LSS", "daglig verksamhet"];
    private static readonly string[] Ifo = ["individ- och familjeomsorgen", "försörjningsstödet", "IFO:s mottagning", "socialpsykiatrin"];

    public static IReadOnlyList<Theme> Themes { get; } =
    [
        new("digitala trygghetslarm", "Digitalt trygghetslarm med larmknapp", "larmen besvaras snabbare",
            [OperationalArea.ElderlyCare], ["Trygghetslarm", "Hemtjänst"], [.. Home, "trygghetsboendet"]),
        new("digital tillsyn med nattkamera", "Nattkamera för digital tillsyn", "färre störande nattbesök",
            [OperationalArea.ElderlyCare, OperationalArea.DisabilitySupport], ["Digital tillsyn", "Nattkamera", "Integritet"], [.. Home, .. Lss]),
        new("läkemedelsrobotar", "Läkemedelsrobot med påminnelse", "läkemedel tas i rätt tid",
            [OperationalArea.MunicipalHealthCare, OperationalArea.ElderlyCare], ["Läkemedelsrobot", "Läkemedelshantering", "Hemsjukvård"], Home),
        new("videosamtal", "Videosamtalstjänst på surfplatta", "fler kontakter utan resor",
            [OperationalArea.ElderlyCare, OperationalArea.IndividualAndFamilyCare], ["Videosamtal", "Distanskontakt", "Anhöriga"], [.. Home, .. Residential, .. Ifo]),
        new("e-tjänst för ekonomiskt bistånd", "E-tjänst med e-legitimation", "snabbare beslut för de sökande",
            [OperationalArea.IndividualAndFamilyCare], ["E-tjänster", "Ekonomiskt bistånd", "Automatisering"], Ifo),
        new("digitala lås", "Digitalt lås med nyckelhanteringssystem", "ingen tid går åt till att hämta nycklar",
            [OperationalArea.ElderlyCare], ["Digitala lås", "Nyckelfri hemtjänst", "Hemtjänst"], Home),
        new("GPS-larm", "GPS-larm med geografiskt område", "mer frihet för personer med demenssjukdom",
            [OperationalArea.ElderlyCare, OperationalArea.DisabilitySupport], ["GPS-larm", "Demens", "Trygghet"], [.. Home, .. Residential]),
        new("rörelsesensorer och fallarm", "Sensorplattform med fallarm", "fall upptäcks tidigare",
            [OperationalArea.ElderlyCare], ["Sensorer", "Fallprevention", "Särskilt boende"], Residential),
        new("distansmonitorering", "Mätutrustning för egenmonitorering", "färre akuta inläggningar",
            [OperationalArea.MunicipalHealthCare], ["Distansmonitorering", "Egenmonitorering", "Hemsjukvård"], ["hemsjukvården", "korttidsboendet"]),
        new("mobil dokumentation och digital signering", "Mobil app för dokumentation och signering", "dokumentationen blir klar på plats",
            [OperationalArea.MunicipalHealthCare, OperationalArea.ElderlyCare], ["Mobilt arbetssätt", "Digital signering", "Dokumentation"], [.. Home, .. Residential]),
        new("automatiserad handläggning", "Mjukvarurobot för återansökningar", "handläggarna får mer tid för samtal",
            [OperationalArea.IndividualAndFamilyCare], ["Automatisering", "Robotiserad processautomatisering", "Handläggning"], Ifo),
        new("chatt och videosamtal för unga", "Chattfunktion med säker inloggning", "fler unga tar kontakt tidigt",
            [OperationalArea.IndividualAndFamilyCare], ["Chatt", "Barn och unga", "Videosamtal"], Ifo),
        new("digital fritid och skärmbaserade aktiviteter", "Aktivitetsplattform med stor pekskärm", "fler deltar i aktiviteter",
            [OperationalArea.DisabilitySupport, OperationalArea.ElderlyCare], ["Digital fritid", "Daglig verksamhet", "Delaktighet"], [.. Lss, .. Residential]),
        new("digital planering av insatser", "Planeringssystem med optimering av rutter", "mindre tid går till resor",
            [OperationalArea.ElderlyCare], ["Planering", "Hemtjänst", "Resursplanering"], Home),
        new("duschrobot", "Duschrobot med anpassade program", "större självständighet i hygienen",
            [OperationalArea.DisabilitySupport, OperationalArea.ElderlyCare], ["Hjälpmedel", "Självständighet"], [.. Lss, .. Residential]),
        new("bildstöd och digitala scheman", "Digitalt schema med bildstöd", "dagen blir mer förutsägbar",
            [OperationalArea.DisabilitySupport], ["LSS", "Kognitivt stöd", "Bildstöd"], Lss),
    ];

    public static IReadOnlyList<string> GeneralTags { get; } =
    [
        "Välfärdsteknik", "Förändringsledning", "Nyttorealisering", "Upphandling", "Informationssäkerhet", "Kompetensutveckling",
        "Samverkan", "Dataskydd", "Delaktighet", "Anhöriga", "Arbetsmiljö", "Digital kompetens", "Implementering", "E-hälsa",
        "Verksamhetsutveckling", "Teknikstöd", "Integritet", "Jämlik vård",
    ];

    public static IReadOnlyList<string> Roles { get; } =
    [
        "enhetschefen", "verksamhetsutvecklaren", "medicinskt ansvarig sjuksköterska", "systemförvaltaren", "IT-avdelningen",
        "dataskyddsombudet", "biståndshandläggarna", "undersköterskorna", "arbetsterapeuten", "digitaliseringsstrategen",
        "upphandlaren", "de fackliga företrädarna", "socialchefen", "välfärdsteknikcoachen", "kvalitetsutvecklaren",
    ];

    public static IReadOnlyList<(string Name, string Description)> ExternalActors { get; } =
    [
        ("Leverantören", "Levererade utrustning, utbildning och support under hela införandet."),
        ("Regionen", "Samverkade om rutiner för delade patienter i hemsjukvården."),
        ("Larmcentralen", "Tar emot larmen dygnet runt och kontaktar rätt insatspersonal."),
        ("Anhörigföreningen", "Lämnade synpunkter på information och samtycke."),
        ("Kommunnätverket för välfärdsteknik", "Delade erfarenheter, kravspecifikationer och utvärderingar."),
        ("Länets FoU-enhet", "Stöttade med uppföljning och utvärdering av nyttan."),
    ];

    public static IReadOnlyList<(string Name, string Description)> Forums { get; } =
    [
        ("Styrgrupp", "Socialchef, verksamhetschefer och IT-chef. Fattade beslut om start, breddinförande och finansiering."),
        ("Projektgrupp", "Projektledare, systemförvaltare, två undersköterskor och en sjuksköterska. Träffades varannan vecka."),
        ("Välfärdsteknikrådet", "Förvaltningsövergripande forum som prioriterar vilka lösningar som ska prövas."),
        ("Förvaltningens samverkansgrupp", "Arbetsgivare och fackliga företrädare. Följde arbetsmiljön under införandet."),
        ("Ledningsgrupp för äldreomsorgen", "Följde upp nyttan varje kvartal och beslutade om fortsatt drift."),
    ];

    /// <summary>Nouns of the field; one or two are mixed into sentences so the index has a realistic vocabulary.</summary>
    public static IReadOnlyList<string> Words { get; } =
    [
        "brukarna", "brukaren", "anhöriga", "medarbetarna", "personalen", "verksamheten", "kommunen", "förvaltningen", "nämnden",
        "biståndsbeslut", "genomförandeplanen", "journalföringen", "dokumentationen", "läkemedelslistan", "delegeringen",
        "informationssäkerheten", "samtycket", "integriteten", "riskbedömningen", "konsekvensbedömningen", "kravspecifikationen",
        "upphandlingen", "avtalet", "leverantören", "supporten", "driften", "förvaltningen", "nätverket", "wifi-täckningen",
        "mobiltäckningen", "surfplattorna", "larmmottagningen", "larmrutinen", "nattpatrullen", "hemtjänstgruppen", "omvårdnaden",
        "rehabiliteringen", "hemsjukvården", "sjuksköterskorna", "arbetsterapeuterna", "fysioterapeuterna", "biståndshandläggningen",
        "utbildningen", "introduktionen", "superanvändarna", "ambassadörerna", "processkartan", "nulägesanalysen", "nyttokalkylen",
        "uppföljningen", "utvärderingen", "indikatorerna", "kvalitetsregistret", "avvikelserna", "arbetsmiljön", "schemat",
        "bemanningen", "kompetensen", "ledarskapet", "förankringen", "kommunikationen", "informationsmaterialet", "målgruppen",
        "tillgängligheten", "självständigheten", "tryggheten", "delaktigheten", "livskvaliteten", "ensamheten", "nattsömnen",
        "fallrisken", "demenssjukdomen", "kognitionen", "insatserna", "besöken", "restiden", "kostnaderna", "budgeten",
        "investeringen", "finansieringen", "pilotgruppen", "testperioden", "breddinförandet", "rutinerna", "riktlinjerna",
        "ansvarsfördelningen", "behörigheterna", "loggningen", "e-legitimationen", "verksamhetssystemet", "integrationen",
        "plattformen", "gränssnittet", "användbarheten", "standarden", "interoperabiliteten", "terminologin", "socialtjänstlagen",
        "dataskyddsförordningen", "patientdatalagen", "offentlighets- och sekretesslagen",
    ];

    public static IReadOnlyList<string> TitlePatterns { get; } =
    [
        "{Theme} i {setting} i {municipality}",
        "{municipality} inför {theme} i {setting}",
        "Så arbetar {municipality} med {theme}",
        "Från pilot till drift: {theme} i {municipality}",
        "Erfarenheter av {theme} i {setting}",
        "{Theme} ger trygghet i {municipality}",
        "När {municipality} prövade {theme}",
    ];

    public static IReadOnlyList<string> ShortDescriptions { get; } =
    [
        "{municipality} har infört {theme} i {setting}. Resultatet: {effect}.",
        "Efter en pilot {year} används {theme} i hela {setting} i {municipality}, och {effect}.",
        "Så gick {municipality} från idé till drift med {theme}, och vad de skulle göra annorlunda i dag.",
        "Med {theme} i {setting} ville {municipality} att {effect}. Det lyckades delvis.",
    ];

    public static IReadOnlyList<string> Summary { get; } =
    [
        "{municipality} började {year} att pröva {theme} i {setting}.",
        "Bakgrunden var att {word} och {word2} inte räckte till när behoven ökade.",
        "I dag använder omkring {number} brukare lösningen, och {effect}.",
        "Arbetet leddes av {role} tillsammans med {other}.",
        "En nulägesanalys visade att {percent} procent av tiden gick till sådant som tekniken kunde ta över.",
        "Införandet har inte bara handlat om teknik utan lika mycket om {word} och {word2}.",
        "Kommunen har följt upp nyttan för brukare, medarbetare och verksamhet sedan {year}.",
        "Erfarenheterna från {setting} används nu när fler verksamheter ska införa {theme}.",
        "Både brukare och anhöriga beskriver en ökad trygghet, även om {word} tog längre tid än planerat.",
    ];

    public static IReadOnlyList<string> RolesText { get; } =
    [
        "Projektet ägdes av {role} och leddes av en projektledare från förvaltningens utvecklingsenhet.",
        "{Role} ansvarade för {word} och för kontakten med leverantören.",
        "{Other} deltog från början, vilket gjorde det lättare att förankra förändringen.",
        "En referensgrupp med brukare och anhöriga lämnade synpunkter på {word}.",
        "IT-avdelningen och systemförvaltaren säkerställde {word2} och driften.",
    ];

    public static IReadOnlyList<string> BenefitsText { get; } =
    [
        "Kommunen tog fram en nyttokalkyl i förstudien och följde upp samma indikatorer efter ett år.",
        "Frigjord tid har använts till fler besök med kvalitet snarare än till att minska bemanningen.",
        "Nyttan för {word} var störst, medan effekten på {word2} är svårare att mäta.",
        "Utvärderingen gjordes tillsammans med länets FoU-enhet.",
    ];

    public static IReadOnlyList<string> EffectText { get; } =
    [
        "{Effect}, och brukarna upplever större trygghet och självständighet.",
        "Medarbetarna beskriver att {word} har blivit enklare och att stressen har minskat.",
        "Verksamheten har fått bättre underlag för planering och färre avvikelser i {word}.",
        "För samhället innebär det att fler kan bo kvar hemma längre och att resurserna räcker längre.",
        "Anhöriga berättar att de är mindre oroliga och att kontakten med {setting} har blivit bättre.",
    ];

    public static IReadOnlyList<string> TechnologyText { get; } =
    [
        "Lösningen består av {product} som kopplas till kommunens larmmottagning och verksamhetssystem.",
        "Tekniken upphandlades {year} via en ramavtalsupphandling med krav på {word} och {word2}.",
        "All information lagras i leverantörens molntjänst inom EU, och åtkomsten loggas.",
        "Utrustningen installeras av kommunens tekniker och följs upp vid varje ny insats.",
    ];

    public static IReadOnlyList<string> Prerequisites { get; } =
    [
        "Stabil mobiltäckning eller bredband hos brukaren.",
        "En konsekvensbedömning enligt dataskyddsförordningen och klassning av informationen.",
        "Rutiner för samtycke och för vad som händer när tekniken inte fungerar.",
        "Ett avtal som reglerar support, driftstörningar och personuppgiftsbiträde.",
        "Tid för utbildning av medarbetarna och superanvändare i varje grupp.",
    ];

    public static IReadOnlyList<string> ProcessText { get; } =
    [
        "Arbetet följde de fem stegen identifiera, undersöka, testa, införa och förvalta.",
        "Piloten pågick i {number} veckor innan styrgruppen beslutade om breddinförande.",
        "Under {year} överlämnades lösningen till ordinarie förvaltning.",
    ];

    public static IReadOnlyDictionary<ProcessStepKind, IReadOnlyList<string>> StepWhat { get; } = new Dictionary<ProcessStepKind, IReadOnlyList<string>>
    {
        [ProcessStepKind.Identify] = ["Behovet av {theme} identifierades när {word} inte längre räckte till.", "En omvärldsbevakning visade att flera kommuner redan använde {theme}."],
        [ProcessStepKind.Investigate] = ["En förstudie kartlade processen, juridiken och {word}.", "Kommunen gjorde en nulägesanalys och en nyttokalkyl för {theme}."],
        [ProcessStepKind.Test] = ["Lösningen testades i en pilot med {number} brukare i {setting}.", "Under testperioden jämfördes {word} före och efter."],
        [ProcessStepKind.Implement] = ["Breddinförandet skedde grupp för grupp med superanvändare i varje grupp.", "Alla medarbetare fick utbildning innan {theme} togs i bruk."],
        [ProcessStepKind.Manage] = ["Lösningen förvaltas av systemförvaltaren tillsammans med verksamheten.", "Nyttan följs upp varje år, och {word} ses över vid behov."],
    };

    public static IReadOnlyList<string> StepWho { get; } =
    [
        "{Role} och {other}.", "Projektgruppen med stöd av {role}.", "{Role} tillsammans med leverantören och {other}.",
    ];

    public static IReadOnlyList<string> StepChallenges { get; } =
    [
        "Det var svårt att få tid för {word} i den ordinarie verksamheten.",
        "Tekniken fungerade inte alltid, framför allt när {word} var dålig.",
        "Några medarbetare var oroliga för att {theme} skulle ersätta mänskliga möten.",
        "Frågor om samtycke och integritet tog längre tid att reda ut än väntat.",
    ];

    public static IReadOnlyList<string> StepSuccessFactors { get; } =
    [
        "Ett tydligt ägarskap hos {role} och en förankrad plan.",
        "Att medarbetarna var delaktiga i {word} från början.",
        "Täta avstämningar med leverantören och snabb återkoppling på fel.",
        "Att nyttan mättes från första dagen.",
    ];

    public static IReadOnlyList<string> StepLessons { get; } =
    [
        "Börja i liten skala och låt erfarenheterna styra takten.",
        "Avsätt mer tid för {word} än man tror.",
        "Ta med {other} tidigt, det sparar tid senare.",
        "Tekniken är den enkla delen; förändrade arbetssätt tar längst tid.",
    ];

    public static IReadOnlyList<string> StepMethods { get; } =
    [
        "Processkartläggning, nyttokalkyl och riskanalys.",
        "Workshoppar med medarbetare och intervjuer med brukare.",
        "Konsekvensbedömning enligt dataskyddsförordningen och klassning av information.",
        "Checklistor för införande och en plan för uppföljning.",
    ];

    public static IReadOnlyList<string> LessonsText { get; } =
    [
        "Den viktigaste lärdomen är att {theme} kräver förändrade arbetssätt, inte bara ny teknik.",
        "Kommunen skulle i dag lägga mer tid på {word} innan upphandlingen.",
        "Det som fungerade bäst var att låta {role} leda arbetet nära verksamheten.",
    ];

    public static IReadOnlyList<string> Tips { get; } =
    [
        "Mät nuläget innan ni börjar.", "Utse superanvändare i varje arbetsgrupp.", "Involvera anhöriga tidigt.",
        "Ställ krav på öppna gränssnitt i upphandlingen.", "Planera för förvaltning redan i projektet.",
        "Ta hjälp av kommuner som redan har infört {theme}.", "Informera brukarna i god tid och på flera sätt.",
        "Gör en konsekvensbedömning innan piloten startar.",
    ];

    public static IReadOnlyDictionary<BenefitTarget, IReadOnlyList<(string Name, string Unit)>> Indicators { get; } =
        new Dictionary<BenefitTarget, IReadOnlyList<(string, string)>>
        {
            [BenefitTarget.Individual] = [("Andel brukare som känner sig trygga", "procent"), ("Tid till åtgärdat larm", "minuter")],
            [BenefitTarget.Staff] = [("Tid för resor per dag", "minuter"), ("Andel medarbetare som upplever stress", "procent")],
            [BenefitTarget.Organisation] = [("Antal nattbesök per vecka", "besök"), ("Kostnad per brukare och månad", "kronor")],
            [BenefitTarget.Society] = [("Akuta inläggningar per år", "inläggningar"), ("Brukare som bor kvar hemma", "procent")],
        };
}
