using Dossier.Domain;
using Dossier.Pipeline.Components;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;
using Dossier.Pipeline.Text;

namespace Dossier.Pipeline.Tests;

/// <summary>The publication date from page headers, datelines, speech lines and addresses.</summary>
public class PublishedDateHeaderTests
{
    private static string? Published(string text, string? url = null, string? metadata = null) =>
        Annotate(text, url, metadata).Published;

    private static AnnotatedDocument Annotate(string text, string? url, string? metadata)
    {
        var document = new AnnotatedDocument(new ExtractionRequest("t", text, metadata, Url: url), KnowledgeBase.Default);
        foreach (var name in new[] { "segmenter", "published" })
        {
            ExtractionPipeline.CreateComponent(name).Process(document, CancellationToken.None);
        }

        return document;
    }

    [Theory]
    [InlineData("Coalition envoy visits Amman\n12.04.2022 - Press release\nThe envoy met officials in Amman on Monday.", "2022-04-12")]
    [InlineData("Ministers gather in Ottawa\nMarch 9, 2018 / 4:40 PM / Updated 3 years ago\nOTTAWA (Reuters) - Defence ministers met on Friday.", "2018-03-09")]
    [InlineData("Coalition partners renew pledge\nNovember 3rd, 2021\nThe partners renewed their pledge.", "2021-11-03")]
    [InlineData("Field notes from Erbil\nThursday, January 12, 2017\nI spent the week talking to aid workers.", "2017-01-12")]
    [InlineData("Envoy meets Kurdish leaders\n23-09-2024\nKurdistan 24\nThe envoy met the leaders.", "2024-09-23")]
    [InlineData("Envoy meets Kurdish leaders\n2022-03-14T08:15:00+03:00\nThe envoy met the leaders.", "2022-03-14")]
    [InlineData("Statement | April 18, 2016\nThe coalition condemned the attack.", "2016-04-18")]
    [InlineData("Published: 5th July 2022 10:41 am GST\nThe coalition met in Abu Dhabi.", "2022-07-05")]
    [InlineData("Published 30 April 2019, last updated 2 May 2019\nThe coalition met.", "2019-04-30")]
    [InlineData("Updated: 2 May 2019\nPublished: 30 April 2019\nThe coalition met.", "2019-04-30")]
    [InlineData("Last updated on 2 May 2019\nThe coalition met.", "2019-05-02")]
    [InlineData("Posted on August 14, 2020 by admin\nThe coalition met.", "2020-08-14")]
    [InlineData("By Maria Lopez | 14 February 2020\nThe coalition met in Madrid.", "2020-02-14")]
    [InlineData("Gulf Daily Post - 6 March 2019\nThe coalition met in Manama.", "2019-03-06")]
    [InlineData("Envoy visits Baghdad\nTue 12 May 2020 10.03 BST\nThe envoy met officials.", "2020-05-12")]
    [InlineData("Envoy visits Baghdad\nSunday 8 March 2020 - 14:05\nThe envoy met officials.", "2020-03-08")]
    [InlineData("By Ana Ruiz and Karim Haddad, Foreign Desk | Published June 3, 2020 at 7:45 a.m. ET\nThe coalition met.", "2020-06-03")]
    [InlineData("Envoy visits Basra\nBy Lucy Grant and Dev Patel | 14 March 2021\nThe envoy met officials.", "2021-03-14")]
    [InlineData("Last Updated: 12 Jan 2021 | Published: 9 Jan 2021\nThe coalition met.", "2021-01-09")]
    [InlineData("Envoy visits Basra\nUpdated 4 June 2022 / Published 2 June 2022\nThe envoy met officials.", "2022-06-02")]
    [InlineData("Envoy visits Basra\nPublished 2 June 2022 - 08:30 GMT / Updated 4 June 2022 - 10:00 GMT\nThe envoy met officials.", "2022-06-02")]
    [InlineData("Defence chiefs meet in Rome\nROME, 6 October 2022\nDefence chiefs met in Rome on Wednesday.", "2022-10-06")]
    [InlineData("Experts meet in Geneva\nGeneva, Switzerland, 21/11/2019\nExperts met in Geneva.", "2019-11-21")]
    [InlineData("Al-Sahil Daily\nTuesday 12 Rajab 1443 AH \u2013 14 February 2022\nThe coalition met in Doha.", "2022-02-14")]
    [InlineData("Al-Sahil Daily\nMonday 14 February 2022 - 13 Rajab 1443\nThe coalition met in Doha.", "2022-02-14")]
    [InlineData("Envoy visits Basra\nFirst published on Wed 8 Mar 2023 07.15 GMT\nLast modified on Thu 9 Mar 2023 11.40 GMT\nThe envoy met officials.", "2023-03-08")]
    [InlineData("Envoy visits Basra\nUpdated 7:02 PM GMT+3, March 9, 2023\nThe envoy met officials.", "2023-03-09")]
    [InlineData("Envoy visits Basra\nPosted by editor on March 9, 2023\nThe envoy met officials.", "2023-03-09")]
    [InlineData("Envoy visits Basra\n09-Mar-2023\nThe envoy met officials.", "2023-03-09")]
    public void Process_HeaderLineWithTheDate_GivesThePublicationDate(string text, string expected)
    {
        Assert.Equal(expected, Published(text));
    }

    [Fact]
    public void Process_OfficeLinesThenCityAndDate_GivesTheReleaseDate()
    {
        var text = "Coalition partners meet on stabilization\nMedia Note\nOffice of the Spokesperson\nWashington, DC\nOctober 2, 2018\nThe Coalition's Stabilization Working Group met in Paris.";

        Assert.Equal("2018-10-02", Published(text));
    }

    [Fact]
    public void Process_LeadDateBeforeADash_GivesThePublicationDate()
    {
        var text = "Chiefs of defence meet in Paris\n\nSeptember 7th, 2015 - Chiefs of defence from the countries of the coalition met in Paris on Monday to review the campaign against the group in Iraq and Syria, officials said after the talks.";

        Assert.Equal("2015-09-07", Published(text));
    }

    [Fact]
    public void Process_PrintHeaderAndReleaseDate_TheReleaseDateWins()
    {
        var text = "View original document\n3/3/2019\nPartners issue joint statement | Ministry of Finance\nPartners issue joint statement\nMarch 4, 2019\nThe partners met virtually.";

        Assert.Equal("2019-03-04", Published(text));
    }

    [Fact]
    public void Process_DatelineWithYearAfterAHeadline_GivesItsDate()
    {
        var text = "Emirates profits rise\n\nDOHA, Oct. 3, 2016 (AFP) - Profits rose in the first half, the company said.";

        Assert.Equal("2016-10-03", Published(text));
    }

    [Theory]
    [InlineData("Jeddah, Dhu al-Hijjah 3, 1444, June 21, 2023, SPA -- The ministers met in Jeddah.", "2023-06-21")]
    [InlineData("Makkah, Ramadan 14, 1444 H, April 5, 2023 (SPA) -- The ministers met in Makkah.", "2023-04-05")]
    [InlineData("Dammam, 8 Safar 1445 AH / 24 August 2023 - The ministers met in Dammam.", "2023-08-24")]
    public void Process_DatelineWithAHijriDateFirst_GivesTheGregorianDate(string text, string expected)
    {
        Assert.Equal(expected, Published(text));
    }

    [Theory]
    [InlineData("Gulf Monitor\nWednesday, Jumada al-Ula 19, 1444 AH, December 14, 2022\nThe coalition met in Doha.", "2022-12-14")]
    [InlineData("Gulf Monitor\n19 Jumada al-Ula 1444 - 14 December 2022\nThe coalition met in Doha.", "2022-12-14")]
    public void Process_HeaderDateAfterAHijriDate_GivesTheGregorianDate(string text, string expected)
    {
        Assert.Equal(expected, Published(text));
    }

    [Fact]
    public void Process_HijriDateAlone_GivesNoDate()
    {
        Assert.Null(Published("Gulf Monitor\nJumada al-Ula 19, 1444 AH\nThe coalition met in Doha."));
    }

    [Fact]
    public void Process_HeaderDateAndDateline_TheHeaderDateWins()
    {
        var text = "Ministers meet in Rome\nJune 30, 2021\nROME, June 29, 2021 (Wire) - Ministers met in Rome on Tuesday.";

        Assert.Equal("2021-06-30", Published(text));
    }

    [Theory]
    [InlineData("Envoy tours the Sahel\n\nThe envoy met officials in Niamey and Bamako on Monday and Tuesday, and said the coalition would do more for the region.\n\n\"We are here to stay,\" she said.\n\nPublished on 17/09/2024", "2024-09-17")]
    [InlineData("Envoy tours the Sahel\n\nThe envoy met officials in Niamey and Bamako on Monday and Tuesday, and said the coalition would do more for the region.\n\nPosted: 3 June 2023 09:15\n\nShare this article", "2023-06-03")]
    public void Process_PublishedLineBelowTheBody_GivesThePublicationDate(string text, string expected)
    {
        Assert.Equal(expected, Published(text));
    }

    [Fact]
    public void Process_PublishedInABodySentence_IsNoPublicationDate()
    {
        var text = "Envoy tours the Sahel\n\nThe envoy met officials in Niamey and Bamako on Monday and Tuesday, and said the coalition would do more for the region.\n\nPublished on 12 May 2021 by the ministry, the report found that attacks had doubled in the border region.";

        Assert.Null(Published(text));
    }

    [Fact]
    public void Process_SpeechPageWithOnlyTheDeliveryDate_GivesTheDeliveryDate()
    {
        var text = "Speech\n\nThe coalition must stay united\n\nDefence Secretary Jane Roe's remarks at the coalition conference in Madrid on 4 October 2022.\n\nThank you all for coming to Madrid today.";

        Assert.Equal("2022-10-04", Published(text));
    }

    [Fact]
    public void Process_SpeechPageWithAReleaseDate_TheReleaseDateWins()
    {
        var text = "Speech\n\nDefence Secretary Jane Roe's remarks at the coalition conference in Madrid on 4 October 2022.\n\n5 October 2022\n\nThank you all for coming to Madrid.";

        Assert.Equal("2022-10-05", Published(text));
    }

    [Theory]
    [InlineData("Envoy meets leaders\nA soldier stands guard in Mosul, Iraq. (Jan. 4, 2017)\nThe envoy said the talks went well.")]
    [InlineData("The coalition's ministers will meet on Wednesday, June 12, 2024 in Rome to discuss the campaign against the group in Iraq and Syria, the foreign ministry said in a statement on its website.")]
    [InlineData("AMMAN, March 3 (Petra) -- The coalition met in Amman.")]
    [InlineData("Coalition update\nMarch 22: Coalition forces conducted strikes near Raqqa.")]
    [InlineData("Ministers meet | Berlin 06.2018\nThe ministers met in Berlin.")]
    [InlineData("Envoy meets leaders\nFile photo / May 12, 2019\nThe envoy said the talks went well.")]
    [InlineData("Envoy meets leaders\nThe envoy met the leaders of the region in the capital on Monday.\nHe said the talks with the leaders had gone very well indeed.\nOfficials from both sides attended the talks at the palace.\nJune 2, 2017\nRelated stories")]
    [InlineData("Privacy notice \u2013 last updated 2 January 2024\nEnvoy visits Erbil\nThe envoy met officials on Tuesday.")]
    [InlineData("Manage consent | 2 January 2024\nEnvoy visits Erbil\nThe envoy met officials on Tuesday.")]
    [InlineData("Envoy visits Erbil\nRome, in the report of 6 October 2022\nThe envoy met officials on Tuesday.")]
    [InlineData("Envoy visits Erbil\nIssue 12 9 March 2023 of the bulletin, in print.\nThe envoy met officials on Tuesday.")]
    public void Process_DateThatIsNotThePages_LeavesPublishedNull(string text)
    {
        Assert.Null(Published(text));
    }

    [Fact]
    public void Process_MetadataThenStorePrefix_WinOverTheHeader()
    {
        const string text = " date 2020-01-05 Press Release | January 3, 2020\nThe coalition met.";

        Assert.Equal("2020-01-05", Published(text));
        Assert.Equal("2020-01-07", Published(text, metadata: "2020-01-07"));
    }

    [Theory]
    [InlineData("https://news.example.org/world/2014/09/05/leaders-agree/", "2014-09-05")]
    [InlineData("https://www.example.com/specials/meeting_STR_20160504.php", "2016-05-04")]
    [InlineData("https://example.net/2024/02/leaders-agree/", null)]
    public void Process_NoDateInTheText_TakesTheUrlDate(string url, string? expected)
    {
        Assert.Equal(expected, Published("Leaders agree to form a coalition\nThe leaders met in Newport.", url));
    }

    [Theory]
    [InlineData("Ministers meet in Riga\nSource: https://www.baltic-example.org/news/2017/11/02/ministers-meet-riga/\nThe ministers met.", "2017-11-02")]
    [InlineData("Ministers meet in Riga\nhttps://www.baltic-example.org/news/2017/11/02/ministers-meet-riga\nThe ministers met.", "2017-11-02")]
    [InlineData("Ministers meet in Riga\nThe ministers met in Riga to review the campaign and to agree on next steps for the region.\nOriginal article: www.baltic-example.org/2017-11-02-ministers-meet", "2017-11-02")]
    public void Process_AddressLineInTheText_GivesItsUrlDate(string text, string expected)
    {
        Assert.Equal(expected, Published(text));
    }

    [Theory]
    [InlineData("Ministers meet in Riga\nThe ministers met. The statement is at https://example.org/2015/01/01/statement today.")]
    [InlineData("Ministers meet in Riga\nThe ministers met in Riga to review the campaign and to agree on next steps for the region.\nhttps://example.org/2015/01/01/older-story")]
    public void Process_AddressInASentenceOrABareLinkInTheBody_GivesNoDate(string text)
    {
        Assert.Null(Published(text));
    }

    [Fact]
    public void Process_RequestUrlAndAddressLine_TheRequestUrlWins()
    {
        var text = "Ministers meet\nSource: https://example.org/2017/11/02/ministers\nThe ministers met.";

        Assert.Equal("2017-11-03", Published(text, "https://example.org/2017/11/03/ministers"));
    }

    [Fact]
    public void Process_TextDateAndUrlDate_TheTextWins()
    {
        Assert.Equal("2014-09-06", Published("Leaders agree\nSeptember 6, 2014\nThe leaders met.", "https://example.org/2014/09/05/leaders/"));
    }

    [Theory]
    [InlineData("Ministers meet\n07/04/2016 10:20 AM EDT\nThe ministers met.", null, "2016-07-04")]
    [InlineData("Ministers meet\n07/04/2016\nThe ministers met on 3 July 2016 in Brussels.", null, "2016-04-07")]
    [InlineData("Ministers meet\n07/04/2016\nThe ministers met on July 3, 2016 in Brussels.", null, "2016-07-04")]
    [InlineData("Ministers meet\n07/04/2016\nThe ministers met in Brussels.", "https://www.example.gov/news/ministers", "2016-07-04")]
    [InlineData("Ministers meet\n07/04/2016\nThe ministers met in Brussels.", null, null)]
    [InlineData("Ministers meet\n14/07/2016\nThe ministers met in Brussels.", null, "2016-07-14")]
    [InlineData("Ministers meet\n04/13/2016\nThe ministers met in Brussels.", null, "2016-04-13")]
    [InlineData("Ministers meet\n07.04.2016\nThe ministers met in Brussels.", null, "2016-04-07")]
    [InlineData("Ministers meet\n07-04-2016\nThe ministers met in Brussels.", null, "2016-04-07")]
    public void Process_AllDigitHeaderDate_IsReadByTheNumericRule(string text, string? url, string? expected)
    {
        Assert.Equal(expected, Published(text, url));
    }
}

public class UrlDatesTests
{
    [Theory]
    [InlineData("https://news.example.org/world/2014/09/05/leaders-agree/?ref=7571409923959", "2014-09-05")]
    [InlineData("https://www.example.com/specials/meeting_STR_20160504.php", "2016-05-04")]
    [InlineData("https://example.net/stories/202306090228.html", "2023-06-09")]
    [InlineData("https://news.example/region/coalition-meets-10022026", "2026-02-10")]
    [InlineData("https://agency.example/en/News/2023-01/19/0047-final-score", "2023-01-19")]
    [InlineData("https://example.org/2021-11-30-coalition-statement", "2021-11-30")]
    public void Find_FullDateInThePath_GivesIt(string url, string expected)
    {
        Assert.Equal(expected, UrlDates.Find(url));
    }

    [Theory]
    [InlineData("https://example.org/2024/02/leaders-agree/")]
    [InlineData("https://example.org/en/the-coalition-working-july17/")]
    [InlineData("https://example.org/library/news/2017/04/mil-170404-state01.htm")]
    [InlineData("https://example.org/english/iraq/170820253")]
    [InlineData("https://example.org/article/28174/?id=20150101")]
    [InlineData("https://20160504.example.org/story")]
    [InlineData("not a url")]
    [InlineData(null)]
    public void Find_NoFullDateInThePath_GivesNull(string? url)
    {
        Assert.Null(UrlDates.Find(url));
    }
}
