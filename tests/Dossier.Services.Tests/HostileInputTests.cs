using System.Net;
using System.Text;
using Dossier.Contracts.V1;
using Dossier.Ingestion.Services;
using Dossier.Store;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace Dossier.Services.Tests;

/// <summary>
/// Hostile input through the real gRPC doors, in memory: every case names its outcome — INVALID_ARGUMENT with nothing
/// stored, RESOURCE_EXHAUSTED (a message over the 8 MB gRPC limit), or accepted and indexed with sane facts whose spans
/// lie inside the text of record on UTF-16 boundaries that split no surrogate pair. Every call has a deadline
/// (<see cref="Bound"/>) so a hang fails the test instead of stalling the run.
/// </summary>
public sealed class HostileInputTests(ServicesFixture services) : IClassFixture<ServicesFixture>
{
    /// <summary>The hang guard of every call (not a speed assertion).</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static DateTime Deadline() => DateTime.UtcNow + Bound;

    public enum Expect
    {
        InvalidArgument,
        ResourceExhausted,
        Indexed,

        /// <summary>Accepted (it passes the door's checks), then refused once read: parked as failed with the reason.</summary>
        Parked,
    }

    /// <summary>A hostile article: the request, the outcome it must get, and (when indexed) what its facts must satisfy.</summary>
    public sealed record HostileCase(Expect Expect, Func<IngestRequest> Request, Action<GetDocumentFactsResponse>? Check = null);

    private const string Rome = "Ministers of the Global Coalition to Defeat ISIS met in Rome, Italy.";

    private static string Repeat(string s, int times) => new StringBuilder(s.Length * times).Insert(0, s, times).ToString();

    private static string Fill(string unit, int length) => Repeat(unit, (length / unit.Length) + 1)[..length];

    private static IngestRequest Text(string text, string published = "", string contentType = "", string id = "") =>
        new() { Text = text, Published = published, ContentType = contentType, Id = id };

    /// <summary>Each case by name (the names are the theory's data, so every case shows as its own test).</summary>
    public static readonly IReadOnlyDictionary<string, HostileCase> Cases = new Dictionary<string, HostileCase>
    {
        // ---- refused: INVALID_ARGUMENT, nothing stored ----
        ["empty"] = new(Expect.InvalidArgument, () => Text("")),
        ["whitespace only"] = new(Expect.InvalidArgument, () => Text(" \t\r\n \n\n\t ")),
        ["unicode whitespace only (NBSP, em space, ideographic space, NEL, line separator)"] =
            new(Expect.InvalidArgument, () => Text("\u00A0\u2003\u3000\u0085\u2028\u2029")),
        ["NUL only"] = new(Expect.InvalidArgument, () => Text("\0")),
        ["NUL inside an article"] = new(Expect.InvalidArgument, () => Text(Rome + "\0" + Rome)),
        ["unpaired high surrogate"] = new(Expect.InvalidArgument, () => Text("Iraq \uD800 Syria " + Rome)),
        ["unpaired low surrogate"] = new(Expect.InvalidArgument, () => Text("\uDC00 Iraq " + Rome)),
        ["surrogate pair in reverse order"] = new(Expect.InvalidArgument, () => Text(Rome + " \uDE00\uD83D")),
        ["byte-swapped byte-order mark U+FFFE"] = new(Expect.InvalidArgument, () => Text("\uFFFE" + Rome)),
        ["1 MB line one character over the limit"] =
            new(Expect.InvalidArgument, () => Text(Fill(Rome + " ", Domain.ArticleRules.MaxTextLength + 1))),
        ["impossible publication date 2022-02-31"] = new(Expect.InvalidArgument, () => Text(Rome, published: "2022-02-31")),
        ["publication date in words (31 February 2022)"] = new(Expect.InvalidArgument, () => Text(Rome, published: "31 February 2022")),
        ["SQL in the document id"] = new(Expect.InvalidArgument, () => Text(Rome, id: "x'; DROP TABLE articles; --")),
        ["document id of 65 characters"] = new(Expect.InvalidArgument, () => Text(Rome, id: new string('a', 65))),
        ["100,000 nested divs (text/html; the parser's work grows with the square of the depth)"] =
            new(Expect.InvalidArgument, () => Text(Repeat("<div>", 100_000) + "<p>" + Rome + "</p>" + Repeat("</div>", 100_000), contentType: "text/html")),
        ["unsupported content type"] = new(Expect.InvalidArgument, () => Text(Rome, contentType: "application/x-msdownload")),
        ["HTML page over 8,000,000 bytes (text/html)"] =
            new(Expect.InvalidArgument, () => Text("<p>" + Fill(Rome + " ", Domain.ArticleRules.MaxHtmlBytes + 1) + "</p>", contentType: "text/html")),
        ["HTML page of 2.7 million euro signs, 8.1 MB of UTF-8 (text/html)"] =
            new(Expect.InvalidArgument, () => Text("<p>" + new string('\u20AC', 2_700_000) + "</p>", contentType: "text/html")),

        // ---- accepted, then refused once read: parked with the reason ----
        ["HTML page whose text is over 1,000,000 characters (text/html)"] =
            new(Expect.Parked, () => Text("<p>" + Fill(Rome + " ", Domain.ArticleRules.MaxTextLength + 1000) + "</p>", contentType: "text/html")),

        // ---- refused by the transport: RESOURCE_EXHAUSTED ----
        ["10 MB article (over the 8 MB gRPC message limit)"] =
            new(Expect.ResourceExhausted, () => Text(Fill(Rome + " ", 10 * 1024 * 1024))),

        // ---- accepted and indexed, with sane facts ----
        ["1 MB line just under the limit"] = new(Expect.Indexed, () => Text(Fill(Rome + " ", Domain.ArticleRules.MaxTextLength - 1)), d =>
        {
            Assert.Equal(Domain.ArticleRules.MaxTextLength - 1, d.Text.Length);
            Assert.DoesNotContain('\n', d.Text);
            Assert.Contains(d.Facts.Countries, c => c.Code == "IT");
        }),
        ["1.3 MB news page of markup around a short article (text/html)"] = new(Expect.Indexed,
            () => Text("<html><head><title>Rome meeting</title></head><body>" + Repeat("<div class=\"ad-slot\" data-x=\"" + new string('x', 250) + "\"></div>", 4_500)
                + "<article><p>" + Rome + "</p></article></body></html>", contentType: "text/html"), d =>
            {
                Assert.Equal("Rome meeting\n\n" + Rome, d.Text);
                Assert.Contains(d.Facts.Countries, c => c.Code == "IT");
            }),
        ["100,000 links in one paragraph (text/html; over the article reader's limit, read whole)"] = new(Expect.Indexed,
            () => Text("<p>" + Repeat("<a href=\"/x\">Iraq</a> ", 100_000) + "</p>", contentType: "text/html"),
            d => Assert.Contains(d.Facts.Countries, c => c.Code == "IQ")),
        ["2,000 nested divs, the depth limit (text/html)"] = new(Expect.Indexed,
            () => Text(Repeat("<div>", Domain.ArticleRules.MaxHtmlDepth) + "<p>" + Rome + "</p>" + Repeat("</div>", Domain.ArticleRules.MaxHtmlDepth), contentType: "text/html"), d =>
            {
                Assert.Equal(Rome, d.Text);
                Assert.Contains(d.Facts.Countries, c => c.Code == "IT");
            }),
        ["script, style and comments are not text (text/html)"] = new(Expect.Indexed,
            () => Text("<html><head><style>p { content: 'Morocco'; }</style></head><body><script>var place = \"Ministers met in Rabat, Morocco\";</script>"
                + "<!-- Morocco --><p>" + Rome + "</p><noscript>Morocco</noscript><script>document.write('<p>Morocco</p>')</script></body></html>",
                contentType: "text/html"), d =>
            {
                Assert.Equal(Rome, d.Text);
                Assert.DoesNotContain(d.Facts.Countries, c => c.Code == "MA");
                Assert.Contains(d.Facts.Countries, c => c.Code == "IT");
            }),
        ["NUL and surrogate character references (text/html)"] = new(Expect.Indexed,
            () => Text("<p>Ministers met in Rome, Italy.&#0; The coalition &#xD800;welcomed Iraq.&#x110000;</p>", contentType: "text/html"), d =>
            {
                Assert.DoesNotContain('\uFFFD', d.Text);
                Assert.Contains(d.Facts.Countries, c => c.Code == "IQ");
            }),
        ["right-to-left Arabic mixed with English"] = new(Expect.Indexed,
            () => Text("اجتمع وزراء التحالف الدولي لهزيمة داعش في بغداد. Ministers of the Global Coalition to Defeat ISIS met in Baghdad, Iraq. قال الوزير إن العراق شريك."),
            d => Assert.Contains(d.Facts.Countries, c => c.Code == "IQ")),
        ["bidirectional controls around names"] = new(Expect.Indexed,
            () => Text("\u202EIraq\u202C and \u200FSyria\u200F joined \u2067the Global Coalition to Defeat ISIS\u2069 in Rome, \u200EItaly\u200E.")),
        ["mixed scripts and homoglyphs (Cyrillic М in Morocco)"] = new(Expect.Indexed,
            () => Text("Мorocco and 中国 and Ірак and Iraq: " + Rome + " 日本語のテキスト。ไทย"),
            d => Assert.Contains(d.Facts.Countries, c => c.Code == "IT")),
        ["emoji and ZWJ sequences"] = new(Expect.Indexed,
            () => Text("👨‍👩‍👧‍👦 " + Rome.Replace("Rome", "Rome 🇮🇹", StringComparison.Ordinal) + " 🏳️‍🌈👩🏽‍💻 “We stand together 🤝 in Iraq 🇮🇶,” said Secretary of State Antony Blinken 😀."),
            d => Assert.Contains(d.Facts.Countries, c => c.Code == "IT")),
        ["mathematical letters outside the BMP"] = new(Expect.Indexed, () => Text("𝐈𝐫𝐚𝐪 𝕊𝕪𝕣𝕚𝕒 " + Rome + " 𝐈𝐫𝐚𝐪")),
        ["combining marks (decomposed and stacked)"] = new(Expect.Indexed,
            () => Text("Co\u0302te d\u2019Ivoire and Tu\u0308rkiye joined. I\u0337\u0335\u0321r\u0336\u0358a\u0489\u0489q\u0300\u0301\u0302\u0303 " + Rome + " Ca\u0301\u0301\u0301\u0301\u0301"),
            d => Assert.Contains(d.Facts.Countries, c => c.Code == "IT")),
        ["long run of capitals"] = new(Expect.Indexed, () => Text(Fill("THE GLOBAL COALITION TO DEFEAT ISIS MET IN ROME ITALY ", 200_000) + ". " + Rome),
            d => Assert.All(d.Facts.People, p => Assert.InRange(p.Name.Length, 1, 200))),
        ["long run of punctuation"] = new(Expect.Indexed, () => Text(Fill("!?.,;:-—…()[]{}", 300_000) + " " + Rome)),
        ["long run of quote marks"] = new(Expect.Indexed, () => Text(Fill("\"“”'‘’", 200_000) + " " + Rome)),
        ["impossible date 31 February 2022"] = new(Expect.Indexed,
            () => Text("Ministers of the Global Coalition to Defeat ISIS met in Rome, Italy, on 31 February 2022. They meet again on 31 February."),
            d => Assert.DoesNotContain(d.Facts.Meetings, m => m.Date is "2022-02-31" or "--02-31")),
        ["impossible date 29 February 2023"] = new(Expect.Indexed,
            () => Text("The Small Group of the coalition met in Riyadh, Saudi Arabia, on 29 February 2023 and on 30 February."),
            d => Assert.DoesNotContain(d.Facts.Meetings, m => m.Date is "2023-02-29" or "--02-30")),
        ["absurd money ($99999999999999999999 billion)"] = new(Expect.Indexed,
            () => Text("The coalition pledged $99999999999999999999 billion, US$ 79228162514264337593543950335 million and €1e308 to stabilization in Iraq. " + Rome),
            d => Assert.All(d.Facts.Money, m => Assert.True(m.AmountUsd >= 0))),
        ["absurd member counts"] = new(Expect.Indexed,
            () => Text("The Global Coalition to Defeat ISIS now has 99999999999999999999 members; Iraq became its 99999999999th member. " + Rome),
            d =>
            {
                Assert.All(d.Facts.MemberCounts, m => Assert.InRange(m.Count, 0, int.MaxValue));
                Assert.All(d.Facts.NewMembers, m => Assert.InRange(m.Ordinal, 0, int.MaxValue));
            }),
        ["published on the last day of the calendar (9999-12-31)"] = new(Expect.Indexed,
            () => Text("Ministers of the Global Coalition to Defeat ISIS will meet in Rome, Italy, next week, tomorrow and on Wednesday, and again next year.",
                published: "9999-12-31")),
        ["published on the first day of the calendar (0001-01-01)"] = new(Expect.Indexed,
            () => Text("Ministers of the Global Coalition to Defeat ISIS met in Rome, Italy, yesterday, last week and on Monday; they met last year too.",
                published: "0001-01-01")),
        ["zero-width characters only"] = new(Expect.Indexed, () => Text("\u200B\u200D\uFEFF\u2060"), d => Assert.Equal(0, d.Summary.FactCounts.Total)),
        ["control characters and ANSI escapes"] = new(Expect.Indexed, () => Text("\u0001\u0002Iraq\u007F \u001B[31mSyria\u001B[0m \u0008\u0008 " + Rome)),
        ["noncharacter U+FFFF and private use"] = new(Expect.Indexed, () => Text("\uFFFF\uE000 Iraq \uDBFF\uDFFF " + Rome)),
        ["SQL and FTS syntax as article text"] = new(Expect.Indexed,
            () => Text("Robert'); DROP TABLE documents;-- NEAR(Iraq Syria) title:x * ^x \"unbalanced ( { % _ " + Rome + $" {Guid.NewGuid():N}")),
        ["half a million newlines"] = new(Expect.Indexed, () => Text(Repeat("\n", 500_000) + Rome + Repeat("\r\n", 100_000))),
        ["100,000 short lines naming a country"] = new(Expect.Indexed, () => Text(Repeat("Iraq\n", 100_000)),
            d => Assert.Contains(d.Facts.Countries, c => c.Code == "IQ")),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Ingest_HostileArticle_GetsItsStatedOutcome(string name)
    {
        var hostile = Cases[name];
        var request = hostile.Request();
        request.Wait = true;
        var ingestion = services.IngestionClient();
        var before = await StoredCounts();

        if (hostile.Expect is Expect.InvalidArgument or Expect.ResourceExhausted)
        {
            var e = await Assert.ThrowsAsync<RpcException>(() => ingestion.IngestAsync(request, deadline: Deadline()).ResponseAsync);

            Assert.Equal(hostile.Expect == Expect.InvalidArgument ? StatusCode.InvalidArgument : StatusCode.ResourceExhausted, e.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace(e.Status.Detail));
            Assert.Equal(before, await StoredCounts());
            if (request.Id.Length > 0 && request.Id.Length <= 64)
            {
                var missing = await Assert.ThrowsAsync<RpcException>(() =>
                    ingestion.GetDocumentAsync(new GetDocumentRequest { Id = request.Id }, deadline: Deadline()).ResponseAsync);
                Assert.True(missing.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument, missing.Status.ToString());
            }

            return;
        }

        var receipt = await ingestion.IngestAsync(request, deadline: Deadline());

        if (hostile.Expect == Expect.Parked)
        {
            Assert.Equal(DocumentStatus.Failed, receipt.Status);
            Assert.Contains("limit", receipt.Error, StringComparison.Ordinal);
            return;
        }

        Assert.True(receipt.Status == DocumentStatus.Indexed, $"{receipt.Status}: {receipt.Error}");
        var document = await LargeMessageQueryClient().GetDocumentAsync(new GetDocumentFactsRequest { Id = receipt.DocumentId }, deadline: Deadline());
        AssertSane(document);
        hostile.Check?.Invoke(document);
    }

    [Theory]
    [InlineData("invalid UTF-8 (C3 28 FF)", new byte[] { 0x62, 0x61, 0x64, 0x20, 0xC3, 0x28, 0xFF })]
    [InlineData("overlong encoding of '/' (C0 AF)", new byte[] { 0x49, 0x72, 0x61, 0x71, 0xC0, 0xAF })]
    [InlineData("UTF-8-encoded lone surrogate (ED A0 80)", new byte[] { 0x49, 0x72, 0x61, 0x71, 0xED, 0xA0, 0x80 })]
    [InlineData("truncated sequence at the end (E2 82)", new byte[] { 0x49, 0x72, 0x61, 0x71, 0x20, 0xE2, 0x82 })]
    [InlineData("bytes beyond U+10FFFF (F5 80 80 80)", new byte[] { 0x49, 0x72, 0x61, 0x71, 0xF5, 0x80, 0x80, 0x80 })]
    public async Task Ingest_InvalidUtf8OnTheWire_IsInvalidArgumentAndStoresNothing(string what, byte[] text)
    {
        // The bytes go out exactly as given: a hand-made IngestRequest (field 1 text, field 8 wait) through a raw marshaller.
        var method = new Method<byte[], IngestReceipt>(MethodType.Unary, IngestionService.Descriptor.FullName, "Ingest",
            Marshallers.Create(b => b, b => b), Marshallers.Create(r => r.ToByteArray(), IngestReceipt.Parser.ParseFrom));
        byte[] message = [0x0A, (byte)text.Length, .. text, 0x40, 0x01];
        var invoker = ServicesFixture.Channel(services.Ingestion).CreateCallInvoker();
        var before = await StoredCounts();

        var e = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncUnaryCall(method, null, new CallOptions(deadline: Deadline()), message).ResponseAsync);

        // Google.Protobuf refuses to decode a string field that is not UTF-8, before the service method runs, so the
        // door's own check (INVALID_ARGUMENT) never sees it: grpc-dotnet answers UNKNOWN with the decoder's reason.
        // Known gap (reported): the call is refused and nothing is stored, but the code should be INVALID_ARGUMENT.
        Assert.True(e.StatusCode is StatusCode.InvalidArgument or StatusCode.Unknown, $"{what}: {e.Status}");
        Assert.Contains("UTF-8", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await StoredCounts());
    }

    [Theory]
    [InlineData("""{"text":"bad \ud800 surrogate"}""")]
    [InlineData("""{"text":"bad \udc00 surrogate"}""")]
    [InlineData("""{"text":"nul \u0000 inside"}""")]
    [InlineData("""{"text":"x","published":"2022-02-31"}""")]
    [InlineData("""{"text":"unclosed""")]
    [InlineData("""{"text":["not","a","string"]}""")]
    public async Task RestIngest_HostileJson_Returns400AndStoresNothing(string json)
    {
        using var http = ServicesFixture.Http(services.Ingestion);
        http.Timeout = Bound;
        var before = await StoredCounts();

        using var response = await http.PostAsync(new Uri("/v1/documents", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await StoredCounts());
    }

    [Fact]
    public async Task IngestStream_TwentyThousandDuplicatesOfFiveTexts_AllReceiptsWithDuplicatesFlagged()
    {
        // 100,000 work too, in about a minute on two cores in memory: 20,000 keeps this file's run short.
        const int count = 20_000;
        var pendingBefore = (await services.IngestionClient().GetQueueStatusAsync(new GetQueueStatusRequest(), deadline: Deadline())).Pending;
        var texts = Enumerable.Range(0, 5).Select(i => $"Tiny article {i} about the coalition ({Guid.NewGuid():N}).").ToArray();
        using var call = services.IngestionClient().IngestStream(deadline: DateTime.UtcNow + TimeSpan.FromMinutes(3));

        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                await call.RequestStream.WriteAsync(new IngestRequest { Text = texts[i % texts.Length] });
            }

            await call.RequestStream.CompleteAsync();
        });
        var receipts = 0;
        var duplicates = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var receipt in call.ResponseStream.ReadAllAsync())
        {
            Assert.Equal(receipts, receipt.Sequence);
            receipts++;
            duplicates += receipt.Duplicate ? 1 : 0;
            ids.Add(receipt.DocumentId);
        }

        await writer;
        Assert.Equal(count, receipts);
        Assert.Equal(count - texts.Length, duplicates);
        Assert.Equal(texts.Length, ids.Count);
        var status = await services.IngestionClient().GetQueueStatusAsync(new GetQueueStatusRequest(), deadline: Deadline());
        Assert.InRange(status.Pending, 0, pendingBefore + texts.Length);
    }

    [Fact]
    public async Task IngestStream_HundredThousandArticlesIntoAFullQueue_AcknowledgesWhatFitsThenResourceExhausted()
    {
        const int maxPending = 500;
        const int count = 100_000;
        await using var small = new SmallQueueIngestion(maxPending);
        var client = new IngestionService.IngestionServiceClient(ServicesFixture.Channel(small.Ingestion));
        using var call = client.IngestStream(deadline: Deadline());
        var stop = new CancellationTokenSource();

        var writer = Task.Run(async () =>
        {
            try
            {
                for (var i = 0; i < count && !stop.IsCancellationRequested; i++)
                {
                    await call.RequestStream.WriteAsync(new IngestRequest { Text = $"Tiny article number {i}.", Id = $"tiny-{i}" }, stop.Token);
                }

                await call.RequestStream.CompleteAsync();
            }
            catch (Exception e) when (e is RpcException or InvalidOperationException or OperationCanceledException or IOException)
            {
                // The server ended the call: the remaining articles are not sent.
            }
        });
        var acknowledged = new List<IngestReceipt>();
        var end = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var receipt in call.ResponseStream.ReadAllAsync())
            {
                acknowledged.Add(receipt);
            }
        });
        await stop.CancelAsync();
        await writer.WaitAsync(Bound);

        Assert.Equal(StatusCode.ResourceExhausted, end.StatusCode);
        Assert.Contains($"from sequence {maxPending}", end.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(maxPending, acknowledged.Count);
        Assert.All(acknowledged, r => Assert.Equal(DocumentStatus.Accepted, r.Status));
        Assert.Equal(Enumerable.Range(0, maxPending).Select(i => $"tiny-{i}"), acknowledged.Select(r => r.DocumentId));

        // Exactly the acknowledged articles are stored, and the service still answers (and still refuses more).
        var stored = await AllIngested(client);
        Assert.Equal(acknowledged.Select(r => r.DocumentId).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        var status = await client.GetQueueStatusAsync(new GetQueueStatusRequest(), deadline: Deadline());
        Assert.Equal((maxPending, maxPending), (status.Pending, status.MaxPending));
        var more = await Assert.ThrowsAsync<RpcException>(() => client.IngestAsync(new IngestRequest { Text = "One more." }, deadline: Deadline()).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, more.StatusCode);
        var first = await client.GetDocumentAsync(new GetDocumentRequest { Id = "tiny-0" }, deadline: Deadline());
        Assert.Equal("Tiny article number 0.", first.Text);
    }

    /// <summary>
    /// A query client that takes messages as large as the services send (8 MB; the client default is 4 MB): an article
    /// of 100,000 country mentions has that many spans and annotations.
    /// </summary>
    private QueryService.QueryServiceClient LargeMessageQueryClient() =>
        new(GrpcChannel.ForAddress(services.Query.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = services.Query.Server.CreateHandler(),
            MaxReceiveMessageSize = GrpcDefaults.MaxMessageSize,
        }));

    /// <summary>Every span inside the text of record, not splitting a surrogate pair; quotes and annotations consistent.</summary>
    private static void AssertSane(GetDocumentFactsResponse document)
    {
        var text = document.Text;
        Assert.Null(Domain.ArticleRules.Check(text));
        var facts = document.Facts.ToDomain();
        foreach (var (kind, value, span) in FactMentions.Of(facts))
        {
            Assert.True(span.IsValidFor(text), $"{kind} '{value}' has span {span} outside the text (length {text.Length})");
            Assert.False(SplitsPair(text, span.Start) || SplitsPair(text, span.End), $"{kind} '{value}' span {span} splits a surrogate pair");
        }

        foreach (var quote in facts.Quotes)
        {
            // GUIDELINES 12: the text is the quotation's first 60 characters as written, so it opens its span.
            Assert.StartsWith(quote.Text, text[quote.Span.Start..quote.Span.End], StringComparison.Ordinal);
            Assert.InRange(quote.Text.Length, 1, 60);
        }

        foreach (var a in document.Annotations)
        {
            Assert.InRange(a.Span.End, a.Span.Start + 1, text.Length);
        }

        foreach (var date in facts.Meetings.Select(m => m.Date).OfType<string>())
        {
            Assert.True(IsRealDate(date), $"meeting date '{date}' is not a real date");
        }

        foreach (var date in facts.MemberCounts.Select(m => m.AsOf).Concat(facts.AttackStats.Select(a => a.When)).OfType<string>())
        {
            Assert.True(IsRealDate(date), $"date '{date}' is not a real date");
        }
    }

    private static bool SplitsPair(string text, int offset) =>
        offset > 0 && offset < text.Length && char.IsHighSurrogate(text[offset - 1]) && char.IsLowSurrogate(text[offset]);

    private static bool IsRealDate(string date)
    {
        var full = date.Length switch
        {
            10 => date,
            7 when date.StartsWith("--", StringComparison.Ordinal) => "2000" + date[1..],
            7 => date + "-01",
            4 => date + "-01-01",
            _ => "",
        };
        return DateOnly.TryParseExact(full, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
    }

    /// <summary>Articles in ingestion's store and in query's knowledge store.</summary>
    private async Task<(int Ingested, int Indexed)> StoredCounts()
    {
        var ingested = await AllIngested(services.IngestionClient());
        var indexed = await services.QueryClient().ListDocumentsAsync(new ListDocumentsRequest { PageSize = 1 }, deadline: Deadline());
        return (ingested.Count, indexed.TotalSize);
    }

    private static async Task<List<string>> AllIngested(IngestionService.IngestionServiceClient client)
    {
        var ids = new List<string>();
        var token = "";
        do
        {
            var page = await client.ListDocumentsAsync(new ListIngestedRequest { PageSize = 500, PageToken = token, WithoutText = true }, deadline: Deadline());
            ids.AddRange(page.Documents.Select(d => d.Id));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return ids;
    }

    /// <summary>An ingestion service alone with a small queue and no workers, so nothing drains: backpressure is certain.</summary>
    private sealed class SmallQueueIngestion : IAsyncDisposable
    {
        private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "dossier-tests", Guid.NewGuid().ToString("N"));

        public SmallQueueIngestion(int maxPending)
        {
            Directory.CreateDirectory(_dataDir);
            Ingestion = new WebApplicationFactory<IngestionGrpcService>().WithWebHostBuilder(b =>
            {
                b.UseSetting("Dossier:DataDir", _dataDir);
                b.UseSetting(ApiKeys.ConfigKey, ServicesFixture.ApiKey);
                b.UseSetting("Dossier:Seeds", "off");
                b.UseSetting("Dossier:Ingestion:Workers", "0");
                b.UseSetting("Dossier:Ingestion:MaxPending", maxPending.ToString(System.Globalization.CultureInfo.InvariantCulture));
            });
        }

        public WebApplicationFactory<IngestionGrpcService> Ingestion { get; }

        public async ValueTask DisposeAsync()
        {
            await Ingestion.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
