using EHalsostodet.Core.Search.Text;

namespace EHalsostodet.Tests.Search;

/// <summary>
/// Expected stems are derived by hand from the Snowball Swedish algorithm. R1 is given as the part of
/// the word after the R1 start (after the first non-vowel following a vowel, at least position 3).
/// </summary>
[TestClass]
public sealed class SwedishStemmerTests
{
    [TestMethod]
    // Step 1, longest main suffix in R1 (R1 in brackets).
    [DataRow("larmen", "larm")]                   // lar[men]: -en
    [DataRow("kommunernas", "kommun")]            // kom[munernas]: -ernas beats -as, -s
    [DataRow("kommuner", "kommun")]               // kom[muner]: -er
    [DataRow("trygghetslarmen", "trygghetslarm")] // tryg[ghetslarmen]: -en
    [DataRow("hemtjänsten", "hemtjänst")]         // hem[tjänsten]: -en
    [DataRow("äldreomsorgen", "äldreomsorg")]     // äld[reomsorgen] (R1 moved from 2 to 3): -en
    [DataRow("digitala", "digital")]              // dig[itala]: -a
    [DataRow("tjänsterna", "tjänst")]             // tjän[sterna]: -erna
    [DataRow("införandet", "inför")]              // inf[örandet]: -andet
    [DataRow("behandlande", "behandl")]           // beh[andlande]: -ande beats -e
    [DataRow("anpassade", "anpass")]              // anp[assade]: -ade
    [DataRow("utvecklat", "utveckl")]             // utv[ecklat]: -at
    [DataRow("läkarnas", "läk")]                  // läk[arnas]: -arnas
    [DataRow("läkaren", "läk")]                   // läk[aren]: -aren beats -en
    [DataRow("flickornas", "flick")]              // flic[kornas]: -ornas
    [DataRow("flickor", "flick")]                 // flic[kor]: -or
    [DataRow("tryggheten", "trygg")]              // tryg[gheten]: -heten beats -en
    [DataRow("trygghetens", "trygg")]             // tryg[ghetens]: -hetens
    [DataRow("trygghet", "trygg")]                // tryg[ghet]: -het
    [DataRow("snabbaste", "snabb")]               // snab[baste]: -aste
    [DataRow("snabbast", "snabb")]                // snab[bast]: -ast
    [DataRow("patientens", "patient")]            // pat[ientens]: -ens
    // Step 1, suffix not wholly in R1.
    [DataRow("åren", "åren")]                     // åre[n]: -en starts before R1
    [DataRow("larm", "larm")]                     // lar[m]
    [DataRow("kommun", "kommun")]                 // kom[mun]
    [DataRow("digital", "digital")]               // dig[ital]
    [DataRow("larmet", "larmet")]                 // lar[met]: -et is not a suffix of this algorithm
    // Step 1, "s" after a valid s-ending (the preceding letter may lie before R1).
    [DataRow("kommuns", "kommun")]                // kom[muns]: n is valid
    [DataRow("dags", "dag")]                      // dag[s]: g is valid, outside R1
    [DataRow("landstingets", "landstinget")]      // lan[dstingets]: t is valid
    [DataRow("videos", "video")]                  // vid[eos]: o is valid
    [DataRow("analys", "analy")]                  // ana[lys]: y is valid
    // Step 1, "s" after an invalid s-ending is kept, and no shorter suffix is tried.
    [DataRow("sjukhus", "sjukhus")]               // sjuk[hus]: u is invalid
    [DataRow("tennis", "tennis")]                 // ten[nis]: i is invalid
    [DataRow("stress", "stress")]                 // stres[s]: s is invalid
    [DataRow("status", "status")]                 // stat[us]: u is invalid
    // Step 2, consonant pair in R1: delete the last letter.
    [DataRow("fortsatt", "fortsat")]              // for[tsatt]: tt
    [DataRow("tryggt", "trygg")]                  // tryg[gt]: gt
    [DataRow("direkt", "direk")]                  // dir[ekt]: kt
    [DataRow("påminnas", "påmin")]                // påm[innas]: -as, then nn
    [DataRow("vänner", "vänn")]                   // vän[ner]: -er, then nn starts before R1
    [DataRow("bredd", "bredd")]                   // bred[d]: dd starts before R1
    // Step 3, other suffixes in R1.
    [DataRow("personlig", "person")]              // per[sonlig]: -lig
    [DataRow("vänlig", "vän")]                    // vän[lig]: -lig
    [DataRow("viktigt", "vikt")]                  // vik[tigt]: gt (step 2), then -ig
    [DataRow("roligt", "rol")]                    // rol[igt]: gt, then -ig (-lig is not wholly in R1)
    [DataRow("svårigheterna", "svår")]            // svår[igheterna]: -heterna, then -ig
    [DataRow("berättelse", "berätt")]             // ber[ättelse]: -e, then -els
    [DataRow("berättelser", "berätt")]            // ber[ättelser]: -er, then -els; tt stays, step 2 came first
    [DataRow("begynnelse", "begynn")]             // beg[ynnelse]: -e, then -els
    [DataRow("hemlöst", "hemlös")]                // hem[löst]: löst -> lös
    [DataRow("arbetslöst", "arbetslös")]          // arb[etslöst]: löst -> lös
    [DataRow("hoppfullt", "hoppfull")]            // hop[pfullt]: fullt -> full
    [DataRow("meningsfullt", "meningsfull")]      // men[ingsfullt]: fullt -> full
    [DataRow("löst", "löst")]                     // lös[t]: löst starts before R1
    [DataRow("fullt", "fullt")]                   // ful[lt]: fullt starts before R1
    [DataRow("stig", "stig")]                     // stig[]: empty R1
    // Short words are returned unchanged.
    [DataRow("", "")]
    [DataRow("i", "i")]
    [DataRow("på", "på")]
    [DataRow("ut", "ut")]
    [DataRow("hus", "hus")]                       // hus[]: empty R1
    public void Stem_follows_the_snowball_swedish_algorithm(string word, string expected)
    {
        Assert.AreEqual(expected, SwedishStemmer.Stem(word));
    }

    [TestMethod]
    public void Inflections_of_one_word_share_a_stem()
    {
        string[] forms = ["kommun", "kommunen", "kommuner", "kommunerna", "kommunernas", "kommuns"];
        foreach (var form in forms)
        {
            Assert.AreEqual("kommun", SwedishStemmer.Stem(form), form);
        }
    }

    [TestMethod]
    public void Stemming_the_stem_of_larmen_again_changes_nothing()
    {
        Assert.AreEqual("larm", SwedishStemmer.Stem(SwedishStemmer.Stem("larmen")));
    }

    [TestMethod]
    public void Null_is_rejected()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => SwedishStemmer.Stem(null!));
    }
}
