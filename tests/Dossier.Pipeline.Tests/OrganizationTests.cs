using Dossier.Pipeline.Knowledge;

namespace Dossier.Pipeline.Tests;

/// <summary>Organizations found by pattern, coordinated, defined by acronym and nested (OrganizationsComponent).</summary>
public class OrganizationsComponentTests
{
    [Theory]
    [InlineData("Officials of the Hope Party and the Dawn Alliance met on Sunday.", new[] { "Dawn Alliance", "Hope Party" })]
    [InlineData("The Ministry of Water Resources said the dam was safe.", new[] { "Ministry of Water Resources" })]
    [InlineData("A letter from the Ministry of Foreign Affairs, Trade and Development arrived.", new[] { "Ministry of Foreign Affairs, Trade and Development" })]
    [InlineData("Delegates of the Rafidain parliamentary bloc walked out.", new[] { "Rafidain parliamentary bloc" })]
    [InlineData("The Kenyan foreign ministry said the talks would go on.", new[] { "Kenyan foreign ministry" })]
    public void Process_NameAroundAHeadWord_IsAnOrganization(string text, string[] names)
    {
        var facts = TestSupport.Extract(text);

        Assert.Equal(names, facts.Organizations.Select(o => o.Name).Order().ToArray());
    }

    [Theory]
    [InlineData("The Counter-Narcotics and Border Protection Service said the crossing was closed.", "Counter-Narcotics and Border Protection Service")]
    [InlineData("A report of the Monitoring and Verification Team was published.", "Monitoring and Verification Team")]
    [InlineData("The Lebanese Customs Service seized the cargo.", "Lebanese Customs Service")]
    [InlineData("Investors bought shares of Nile Cement Industries Co. on Monday.", "Nile Cement Industries Co")]
    [InlineData("The contract went to Caspian Drilling Ltd, officials said.", "Caspian Drilling Ltd")]
    [InlineData("Staff of the Office of the Special Coordinator for Humanitarian Affairs travelled to Aden.", "Office of the Special Coordinator for Humanitarian Affairs")]
    public void Process_NameWithAndOrASecondComplement_IsOneOrganization(string text, string name)
    {
        var facts = TestSupport.Extract(text);

        Assert.Contains(facts.Organizations, o => o.Name == name);
        Assert.DoesNotContain(facts.Organizations, o => o.Name != name && name.StartsWith(o.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Process_KnownNameAsTheComplementOfAnOffice_KeepsTheOfficeWhole()
    {
        var facts = TestSupport.Extract("The Office of the Special Representative for the Global Coalition to Defeat ISIS issued a note.");

        Assert.Contains(facts.Organizations, o => o.Name == "Office of the Special Representative for the Global Coalition to Defeat ISIS");
    }

    [Theory]
    [InlineData("The minister told broadcaster RTBF the talks had stalled.", "RTBF")]
    [InlineData("The outlook is stable, ratings agency Fitch said.", "Fitch")]
    public void Process_KindNounBeforeAName_NamesAnOrganization(string text, string name)
    {
        var facts = TestSupport.Extract(text);

        Assert.Contains(facts.Organizations, o => o.Name == name);
    }

    [Fact]
    public void Process_KindNounCapitalizedInsideAName_NamesNoOrganization()
    {
        var facts = TestSupport.Extract("DOHA, May 2 (Peninsula Daily Mail) - Talks resumed on Sunday.");

        Assert.DoesNotContain(facts.Organizations, o => o.Name == "Mail");
    }

    [Fact]
    public void Process_GermanFederalForeignOffice_IsNotTheBritishOne()
    {
        var facts = TestSupport.Extract("Germany's Federal Foreign Office said the embassy would reopen.");

        Assert.Equal("Federal Foreign Office", Assert.Single(facts.Organizations).Name);
    }

    [Fact]
    public void Process_DemonymAndALowerCaseHead_IsNoOrganization()
    {
        var facts = TestSupport.Extract("The Spanish coalition government fell after the vote.");

        Assert.DoesNotContain(facts.Organizations, o => o.Name.Contains("Spanish", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ISIL-KP fighters attacked a checkpoint in Kunar.", "ISIS-K")]
    [InlineData("ISIS-Somalia claimed the bombing in Bosaso.", "ISIS-Somalia")]
    [InlineData("Fighters of ISIS-West Africa Province overran a base near Diffa.", "ISWAP")]
    [InlineData("The ISIL West Africa Province faction ambushed a convoy in Borno.", "ISWAP")]
    [InlineData("ISIS-Sahel claimed the raid on a village near Menaka.", "ISGS")]
    [InlineData("An ambush by ISIS Central Africa Province killed soldiers near Beni.", "ISCAP")]
    public void Process_AffiliatesUnderOtherNames_AreTheirOwnOrganizations(string text, string name)
    {
        var facts = TestSupport.Extract(text);

        Assert.Contains(facts.Organizations, o => o.Name == name);
        Assert.DoesNotContain(facts.Organizations, o => o.Name == "ISIS");
    }

    [Theory]
    [InlineData("The Global Coalition to Defeat ISIS met in Rome on Monday. In Baghdad, the governing coalition met to discuss the budget.")]
    [InlineData("The Global Coalition to Defeat ISIS met in Rome on Monday. In Baghdad, the coalition government met to discuss the budget.")]
    public void Process_PoliticalCoalitionInAnArticleAboutTheGlobalCoalition_IsNotIt(string text)
    {
        var facts = TestSupport.Extract(text, published: "2025-06-03");

        var coalition = Assert.Single(facts.Organizations, o => o.Name == "Global Coalition to Defeat ISIS");
        Assert.Single(coalition.Spans);
        Assert.Equal("Rome", Assert.Single(facts.Meetings).City);
    }

    [Fact]
    public void Process_PatternNameBeforeAKnownAcronym_IsThatOrganization()
    {
        var facts = TestSupport.Extract("The Office of the Special Fund for Children (UNICEF) sent teams to Mosul, and UNICEF said more would follow.");

        var org = Assert.Single(facts.Organizations);
        Assert.Equal("UNICEF", org.Name);
        Assert.Contains("Office of the Special Fund for Children", org.Aliases);
    }

    [Fact]
    public void Process_CommunicationsCellAndWorkingGroup_AreTwoBodies()
    {
        var facts = TestSupport.Extract("The Coalition Communications Cell supports the Communications Working Group of the Global Coalition to Defeat ISIS.");

        Assert.Contains(facts.Organizations, o => o.Name == "Coalition Communications Cell");
        Assert.Contains(facts.Organizations, o => o.Name == "Communications Working Group");
    }

    [Fact]
    public void Process_OfficeOfAKnownOrganizationInARegion_IsOneLongerName()
    {
        var facts = TestSupport.Extract("The event was hosted by the United Nations Office for Disarmament Affairs in Africa last year.");

        Assert.Equal("United Nations Office for Disarmament Affairs in Africa", Assert.Single(facts.Organizations).Name);
    }

    [Theory]
    [InlineData("Iranian forces and their proxies withdrew.")]
    [InlineData("Twenty-six Coalition partners sent troops.")]
    [InlineData("It is a testimony of the Coalition for Peru and its role.")]
    [InlineData("From Protest to Ruling Bloc\n\nThe party won.")]
    public void Process_GenericNounsAndHeadlines_AreNoOrganizationByPattern(string text)
    {
        Assert.DoesNotContain(TestSupport.Extract(text).Organizations, o => o.Name.Contains("forces", StringComparison.Ordinal)
            || o.Name.StartsWith("Twenty", StringComparison.Ordinal) || o.Name.Contains("Peru", StringComparison.Ordinal) || o.Name.Contains("Bloc", StringComparison.Ordinal));
    }

    [Fact]
    public void Process_CoordinatedBodies_AreSeparateOrganizationsKnownToTheTable()
    {
        var facts = TestSupport.Extract("ISIS was discussed in the Coalition's Communications and Foreign Terrorist Fighters Working Groups.");

        Assert.Contains(facts.Organizations, o => o.Name == "Communications Working Group");
        Assert.Contains(facts.Organizations, o => o.Name == "Foreign Terrorist Fighters Working Group");
    }

    [Fact]
    public void Process_AcronymDefinedInParentheses_IsAnAliasAndLaterMentions()
    {
        var facts = TestSupport.Extract("The Agency for Digital Security (ADS) issued a warning. Later, ADS said the attack was contained.");

        var org = Assert.Single(facts.Organizations);
        Assert.Equal("Agency for Digital Security", org.Name);
        Assert.Contains("ADS", org.Aliases);
        Assert.Equal(3, org.Spans.Count);
    }

    [Fact]
    public void Process_ArmedGroupNamedInsideTheCoalitionsName_IsMentionedToo()
    {
        var facts = TestSupport.Extract("Ministers of the Global Coalition against Daesh met in Riyadh.");

        Assert.Contains(facts.Organizations, o => o.Name == "ISIS");
        Assert.Contains(facts.Organizations, o => o.Name == "Global Coalition to Defeat ISIS");
    }

    [Fact]
    public void Process_WeakAliasInsideALongerName_IsPartOfThatName()
    {
        var facts = TestSupport.Extract("• Reform Coalition\n• Unity Alliance");

        Assert.Equal(["Reform Coalition", "Unity Alliance"], facts.Organizations.Select(o => o.Name).Order().ToArray());
    }

    [Theory]
    [InlineData("The envoy said in comments posted on X on Tuesday that talks would resume.", true)]
    [InlineData("Malcolm X is remembered in Harlem.", false)]
    public void Process_XIsThePlatformOnlyWhereSomethingIsPostedOnIt(string text, bool platform)
    {
        Assert.Equal(platform, TestSupport.Extract(text).Organizations.Any(o => o.Name == "X"));
    }
}

/// <summary>Which bare "coalition" is the Global Coalition (CoalitionReferencesComponent).</summary>
public class CoalitionReferencesComponentTests
{
    [Theory]
    [InlineData("ISIS lost ground in the north. The coalition said strikes would continue.", true)]
    [InlineData("The Small Group met in Paris. The coalition welcomed its report.", true)]
    [InlineData("The Saudi-led coalition struck again. The coalition said ISIS was not involved.", false)]
    [InlineData("The coalition government fell after a vote in parliament.", false)]
    public void Process_BareCoalition_IsTheGlobalCoalitionOnlyInContext(string text, bool global)
    {
        Assert.Equal(global, TestSupport.Extract(text).Organizations.Any(o => o.Name == "Global Coalition to Defeat ISIS"));
    }
}

public class ArabicArticleVariantTests
{
    [Fact]
    public void ArabicArticleVariants_PlaceWithAnArticle_GivesTheOtherTransliterations()
    {
        var variants = KnowledgeBase.ArabicArticleVariants("Salah ad Din").ToList();

        Assert.Contains("Salah al-Din", variants);
        Assert.Contains("Salah el-Din", variants);
        Assert.Contains("Salah ad-Din", variants);
        Assert.DoesNotContain("Salah ad Din", variants);
    }

    [Fact]
    public void Process_PlaceWrittenWithAnotherArticle_IsFound()
    {
        var facts = TestSupport.Extract("Strikes hit Deir al-Zor province and Ras el-Ain.");

        Assert.Empty(facts.People);
    }
}
