using System.Collections.Concurrent;
using System.Diagnostics;
using Dossier.Domain;
using Dossier.Pipeline.Components;
using Dossier.Pipeline.Knowledge;
using Dossier.Pipeline.Model;

namespace Dossier.Pipeline.Tests;

public class HtmlComponentTests
{
    [Fact]
    public void Extract_HtmlInput_ReturnsVisibleTextAsTextOfRecord()
    {
        var html = TestSupport.ReadArticle("html_article.html");

        var result = TestSupport.Pipeline.Extract(new ExtractionRequest("h", html, ContentType: ContentTypes.Html));

        Assert.DoesNotContain("<p>", result.Text);
        Assert.DoesNotContain("var x", result.Text);
        Assert.DoesNotContain("Home", result.Text);
        Assert.Contains("KUWAIT CITY, 9 May 2023 — The Global Coalition", result.Text);
    }

    [Fact]
    public void Extract_HtmlInput_SpansPointIntoTheExtractedText()
    {
        var html = TestSupport.ReadArticle("html_article.html");

        var result = TestSupport.Pipeline.Extract(new ExtractionRequest("h", html, ContentType: ContentTypes.Html));

        var facts = result.Facts;
        Assert.Equal("2023-05-09", facts.Published);
        var meeting = Assert.Single(facts.Meetings);
        Assert.Equal(MeetingFormats.AfricaFocusGroup, meeting.Format);
        Assert.Equal("Kuwait City", meeting.City);
        Assert.Equal("2023-05-09", meeting.Date);
        var quote = Assert.Single(facts.Quotes);
        Assert.Equal(quote.Text, TestSupport.Slice(result.Text, quote.Span));
        Assert.Equal("Nabil Haddad", quote.Speaker);
        Assert.All(facts.Countries.SelectMany(c => c.Spans), s => Assert.True(s.IsValidFor(result.Text)));
    }

    [Fact]
    public void Extract_PlainText_KeepsTheTextUnchanged()
    {
        const string text = "  The coalition met.\r\n";

        var result = TestSupport.Pipeline.Extract(new ExtractionRequest("p", text));

        Assert.Same(text, result.Text);
    }
}

public class ExtractionPipelineTests
{
    [Fact]
    public void CreateDefault_ComponentsFromConfiguration_AreInOrder()
    {
        var pipeline = ExtractionPipeline.CreateDefault();

        Assert.Equal(KnowledgeBase.Default.DefaultComponents, pipeline.ComponentNames);
        Assert.Equal("html", pipeline.ComponentNames[0]);
        Assert.Equal(["assembler", "confidence"], pipeline.ComponentNames.TakeLast(2));
    }

    [Fact]
    public void Create_ComponentBeforeItsRequirement_ThrowsNamingIt()
    {
        var names = new[] { "html", "person-names", "segmenter", "gazetteer" };

        var e = Assert.Throws<InvalidOperationException>(() => ExtractionPipeline.Create(names));

        Assert.Contains("'person-names'", e.Message);
        Assert.Contains("'tokens'", e.Message);
    }

    [Fact]
    public void Create_UnknownComponent_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => ExtractionPipeline.Create(["html", "sentiment"]));

        Assert.Contains("sentiment", e.Message);
    }

    [Fact]
    public void Create_WithoutAssembler_ThrowsForMissingFacts()
    {
        var names = KnowledgeBase.Default.DefaultComponents.Where(n => n != "assembler");

        var e = Assert.Throws<InvalidOperationException>(() => ExtractionPipeline.Create(names));

        Assert.Contains(Layers.Facts, e.Message);
    }

    [Fact]
    public void Validate_EveryDefaultComponent_DeclaresWhatItProvides()
    {
        var components = KnowledgeBase.Default.DefaultComponents.Select(ExtractionPipeline.CreateComponent).ToList();

        ExtractionPipeline.Validate(components);

        Assert.All(components, c => Assert.NotEmpty(c.Provides));
    }

    [Fact]
    public void Extract_ConcurrentCalls_GiveTheSameFactsAsSequentialOnes()
    {
        var texts = Directory.GetFiles(TestSupport.ArticlesDir(), "*.txt").Select(File.ReadAllText).ToList();
        var sequential = texts.Select(t => FactsJson.Serialize(TestSupport.Extract(t))).ToList();

        var concurrent = new ConcurrentDictionary<int, string>();
        Parallel.For(0, texts.Count * 4, i => concurrent[i] = FactsJson.Serialize(TestSupport.Extract(texts[i % texts.Count])));

        for (var i = 0; i < texts.Count * 4; i++)
        {
            Assert.Equal(sequential[i % texts.Count], concurrent[i]);
        }
    }

    [Fact]
    public void Extract_WithListener_StartsOneActivityPerComponent()
    {
        var names = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Dossier.Pipeline",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a => names.Add(a.OperationName),
        };
        ActivitySource.AddActivityListener(listener);

        TestSupport.Extract("The Global Coalition met in Rome.", docId: "activity-test");

        foreach (var component in TestSupport.Pipeline.ComponentNames)
        {
            Assert.Contains("pipeline." + component, names);
        }

        Assert.Contains("pipeline", names);
    }

    [Fact]
    public void Extract_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => TestSupport.Pipeline.Extract(new ExtractionRequest("c", "The coalition met."), cts.Token));
    }

    [Fact]
    public void Extract_EmptyText_GivesEmptyFacts()
    {
        var facts = TestSupport.Extract("");

        Assert.Equal(0, facts.Count);
        Assert.False(facts.Relevant);
        Assert.Equal(ExtractionPipeline.ExtractorVersion, facts.ExtractorVersion);
    }

    [Fact]
    public void Extract_EveryArticle_AllSpansAreValid()
    {
        foreach (var file in Directory.GetFiles(TestSupport.ArticlesDir(), "*.txt"))
        {
            var text = File.ReadAllText(file);

            var facts = TestSupport.Extract(text);

            var spans = facts.Countries.SelectMany(c => c.Spans)
                .Concat(facts.People.SelectMany(p => p.Spans))
                .Concat(facts.Organizations.SelectMany(o => o.Spans))
                .Concat(facts.Meetings.Select(m => m.Span))
                .Concat(facts.MemberCounts.Select(m => m.Span))
                .Concat(facts.NewMembers.Select(m => m.Span))
                .Concat(facts.Money.Select(m => m.Span))
                .Concat(facts.Quotes.Select(q => q.Span))
                .Concat(facts.AttackStats.Select(a => a.Span));
            Assert.All(spans, s => Assert.True(s.IsValidFor(text), $"{Path.GetFileName(file)}: {s}"));
        }
    }
}

public class RobustnessTests
{
    [Fact]
    public void Extract_EveryPrefixAndSuffixOfTheArticles_NeverThrowsAndKeepsSpansValid()
    {
        var texts = Directory.GetFiles(TestSupport.ArticlesDir(), "*.txt").Select(File.ReadAllText)
            .Concat(Directory.GetFiles(Path.Combine(TestSupport.RepoRoot(), "seeds"), "*.txt").Select(File.ReadAllText));
        var checkedCount = 0;

        foreach (var text in texts)
        {
            for (var cut = 0; cut < text.Length; cut += 37)
            {
                foreach (var part in new[] { text[..cut], text[cut..] })
                {
                    var facts = TestSupport.Extract(part);
                    var spans = facts.Countries.SelectMany(c => c.Spans).Concat(facts.People.SelectMany(p => p.Spans))
                        .Concat(facts.Quotes.Select(q => q.Span)).Concat(facts.Money.Select(m => m.Span)).Concat(facts.Meetings.Select(m => m.Span));
                    Assert.All(spans, s => Assert.True(s.IsValidFor(part)));
                    checkedCount++;
                }
            }
        }

        Assert.True(checkedCount > 100);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\r\n")]
    [InlineData("“")]
    [InlineData("\"")]
    [InlineData("$")]
    [InlineData("87th")]
    [InlineData("Ambassador")]
    [InlineData("ROME, 3 June 2021 —")]
    [InlineData("the meeting, hosted by")]
    [InlineData("The Global Coalition met, co-chaired by")]
    [InlineData("🇸🇪🇫🇷 #Daesh @x https://t.co")]
    public void Extract_DegenerateText_DoesNotThrow(string text)
    {
        var facts = TestSupport.Extract(text);

        Assert.NotNull(facts);
    }
}

public class HtmlContentTypeTests
{
    [Fact]
    public void Extract_HtmlContentTypeWithCharset_IsParsedAsHtml()
    {
        var result = TestSupport.Pipeline.Extract(new ExtractionRequest("h", "<p>The <b>Global Coalition</b> met.</p>", ContentType: "text/html; charset=utf-8"));

        Assert.Equal("The Global Coalition met.", result.Text);
        Assert.Equal("Global Coalition", TestSupport.Slice(result.Text, result.Facts.Organizations[0].Spans[0]));
    }
}
