using Dossier.Pipeline.Knowledge;

namespace Dossier.Pipeline.Tests;

/// <summary>Well-known officials (known-people, people.tsv): canonical names and countries.</summary>
public class KnownPeopleComponentTests
{
    [Theory]
    [InlineData("The talks were chaired by Mustafa Al Kadhimi, who spoke first.", "Mustafa al-Kadhimi", "Mustafa Al Kadhimi")]
    [InlineData("Abdel-Fattah al-Sisi welcomed the delegation to the capital.", "Abdel Fattah el-Sisi", "Abdel-Fattah al-Sisi")]
    [InlineData("Mevlut Cavusoglu told reporters that the border would stay closed.", "Mevlüt Çavuşoğlu", "Mevlut Cavusoglu")]
    public void Process_VariantSpelling_GetsTheCanonicalNameAndKeepsTheTextForm(string text, string canonical, string written)
    {
        var facts = TestSupport.Extract(text);

        var p = Assert.Single(facts.People);
        Assert.Equal(canonical, p.Name);
        Assert.Contains(written, p.Aliases);
    }

    [Fact]
    public void Process_MiddleInitialAndFullGivenName_GetTheUsualShortForm()
    {
        var facts = TestSupport.Extract("Michael R. Pompeo spoke to reporters in Brussels on Thursday.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Mike Pompeo", p.Name);
        Assert.Contains("Michael Pompeo", p.Aliases);
        Assert.Equal("US", p.Country);
    }

    [Theory]
    [InlineData("Prime Minister Kadhimi thanked the partners for their support.", "Mustafa al-Kadhimi", "IQ")]
    [InlineData("Foreign Minister Hussein said the talks had gone well.", "Fuad Hussein", "IQ")]
    [InlineData("Defence Minister Akar met the visiting delegation on Tuesday.", "Hulusi Akar", "TR")]
    [InlineData("Secretary Hegseth toured the base with local commanders.", "Pete Hegseth", "US")]
    public void Process_SurnameWithAFittingTitle_IsTheTablePerson(string text, string canonical, string country)
    {
        var facts = TestSupport.Extract(text);

        var p = Assert.Single(facts.People);
        Assert.Equal(canonical, p.Name);
        Assert.Equal(country, p.Country);
    }

    [Fact]
    public void Process_SurnameWithATitleNoRoleFits_IsLeftAlone()
    {
        var facts = TestSupport.Extract("Interior Minister Abadi inspected the new checkpoint.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Abadi", p.Name);
        Assert.Null(p.Country);
    }

    [Theory]
    [InlineData("President Barzani received the delegation on Sunday.", "Barzani")]
    [InlineData("Minister Maliki spoke at the opening session.", "Maliki")]
    public void Process_SurnameOfSeveralTablePeople_IsLeftAlone(string text, string name)
    {
        var facts = TestSupport.Extract(text);

        Assert.Equal(name, Assert.Single(facts.People).Name);
    }

    [Fact]
    public void Process_SurnameOfSeveralTablePeople_TheOneInOfficeInTheArticlesYearWins()
    {
        const string Text = "King Abdullah opened the conference on Monday.";

        var later = TestSupport.Extract(Text, published: "2019-03-04");
        var earlier = TestSupport.Extract(Text, published: "2012-03-05");

        Assert.Equal("Abdullah II", Assert.Single(later.People).Name);
        Assert.Equal("JO", Assert.Single(later.People).Country);
        Assert.Equal("Abdullah", Assert.Single(earlier.People).Name);
    }

    [Fact]
    public void Process_CountryFromTheText_WinsOverTheTable()
    {
        var facts = TestSupport.Extract("Belgian Foreign Minister Stef Blok opened the meeting.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Stef Blok", p.Name);
        Assert.Equal("BE", p.Country);
    }

    [Fact]
    public void Process_NoCountryInTheText_TheTableGivesIt()
    {
        var facts = TestSupport.Extract("Ayman Safadi said the crossing would reopen next week.");

        Assert.Equal("JO", Assert.Single(facts.People).Country);
    }

    [Fact]
    public void Process_PersonNotInTheTable_IsUntouched()
    {
        var facts = TestSupport.Extract("Foreign Minister Lena Okoro met the envoy in the afternoon.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Lena Okoro", p.Name);
        Assert.Null(p.Country);
    }

    [Fact]
    public void Process_SurnameOneLetterOffWithAFittingTitle_IsTheTablePerson()
    {
        var facts = TestSupport.Extract("Secretary of State Antony Blinkin arrived in Riyadh on Tuesday.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Antony Blinken", p.Name);
        Assert.Contains("Antony Blinkin", p.Aliases);
    }

    [Fact]
    public void Process_NearSpellingWithoutAFittingTitle_IsLeftAlone()
    {
        var facts = TestSupport.Extract("Antony Blinkin, a local shopkeeper, said prices had doubled.");

        Assert.DoesNotContain(facts.People, p => p.Name == "Antony Blinken");
    }

    [Fact]
    public void Process_TwoFormsOfOneTablePerson_AreMergedIntoOne()
    {
        var facts = TestSupport.Extract("Tony Blinken arrived on Monday. Later, Antony J. Blinken met the minister.");

        var p = Assert.Single(facts.People);
        Assert.Equal("Antony Blinken", p.Name);
        Assert.Contains("Tony Blinken", p.Aliases);
        Assert.Equal(2, p.Spans.Count);
    }
}

/// <summary>The keys names are compared by (PersonNameKey).</summary>
public class PersonNameKeyTests
{
    private static string Key(string name) => PersonNameKey.Full(PersonNameKey.Parts(name, KnowledgeBase.Default.NameKey));

    [Theory]
    [InlineData("Mustafa al-Kadhimi", "Mustafa Al Kadhimi")]
    [InlineData("Mustafa al-Kadhimi", "Mustafa Kadhimi")]
    [InlineData("Jean-Yves Le Drian", "Jean Yves Le Drian")]
    [InlineData("Antony J. Blinken", "Antony Blinken")]
    [InlineData("Lloyd J. Austin III", "Lloyd Austin")]
    [InlineData("Mohamed bin Zayed", "Muhammad ibn Zayed")]
    [InlineData("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu")]
    [InlineData("Asaad al-Shaibani", "Asaad ash-Shaibani")]
    [InlineData("Fuad Ma'sum", "Fuad Masum")]
    public void Full_WrittenTwoWays_IsOneKey(string a, string b)
    {
        Assert.Equal(Key(a), Key(b));
    }

    [Fact]
    public void SurnameOnly_ParticlesAndAHyphenatedSurname_AreOnePart()
    {
        var parts = PersonNameKey.Parts("von der Abdul-Hamid", KnowledgeBase.Default.NameKey);

        Assert.Equal("abdul hamid", PersonNameKey.SurnameOnly(parts, KnowledgeBase.Default.Particles));
    }
}

/// <summary>Titles fitting roles (RoleWords, role_words.tsv).</summary>
public class RoleWordsTests
{
    private static readonly RoleWords Words = KnowledgeBase.Default.RoleWords;

    [Theory]
    [InlineData("Foreign Minister", "Minister of Foreign Affairs", true)]
    [InlineData("Iraq's new prime minister", "Prime Minister", true)]
    [InlineData("Secretary", "Secretary of State", true)]
    [InlineData("Defense Secretary", "Secretary of Defence", true)]
    [InlineData("Prime Minister", "Deputy Prime Minister", false)]
    [InlineData("Deputy Prime Minister", "Prime Minister", false)]
    [InlineData("Foreign Minister", "President", false)]
    [InlineData("President", "Vice President", false)]
    [InlineData("CENTCOM commander", "General, Commander of US Central Command", true)]
    public void Fits_TitleAndRole_AsExpected(string title, string role, bool fits)
    {
        var office = Assert.Single(Words.Offices(title));

        Assert.Equal(fits, Words.Fits(office, Words.Keys(role)));
    }

    [Fact]
    public void Offices_TwoOfficesJoinedByAnd_AreTwo()
    {
        Assert.Equal(2, Words.Offices("Deputy Prime Minister and Minister of Foreign Affairs").Count);
    }
}

/// <summary>The table itself (people.tsv) is well-formed.</summary>
public class PeopleTableTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBase.Default;

    [Fact]
    public void Load_Table_HasSeveralHundredPeople()
    {
        Assert.InRange(Kb.KnownPeople.All.Count, 500, 1500);
    }

    [Fact]
    public void Load_Table_NoTwoPeopleShareAName()
    {
        Assert.Empty(Kb.KnownPeople.SharedKeys);
    }

    [Fact]
    public void Load_Table_EveryCountryIsAKnownCountry()
    {
        var unknown = Kb.KnownPeople.All.Where(p => p.Country is { } c && !Kb.CountryNames.ContainsKey(c)).Select(p => p.Name).ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void Load_Table_EveryRoleNamesAnOfficeWithPlausibleYears()
    {
        var bad = Kb.KnownPeople.All
            .SelectMany(p => p.Roles.Select(r => (p.Name, Role: r)))
            .Where(x => Kb.RoleWords.Offices(x.Role.Text).Count == 0 || x.Role.From is not { } from || from < 1960 || from > 2026 || (x.Role.To is { } to && to < from))
            .Select(x => x.Name + ": " + x.Role.Text)
            .ToList();

        Assert.Empty(bad);
    }
}
