using System.Globalization;
using D = Dossier.Domain;

namespace Dossier.Contracts.V1;

/// <summary>Maps the domain's facts to their dossier.v1 messages and back.</summary>
public static class FactsMapping
{
    public static DocumentFacts ToProto(this D.DocumentFacts f)
    {
        var p = new DocumentFacts { Doc = f.Doc, Published = f.Published ?? "", Relevant = f.Relevant, ExtractorVersion = f.ExtractorVersion };
        p.Countries.AddRange(f.Countries.Select(c => With(new CountryFact { Code = c.Code, Spans = { c.Spans.Select(ToProto) } }, c.Confidence)));
        p.People.AddRange(f.People.Select(x =>
        {
            var m = new PersonFact { Name = x.Name, Aliases = { x.Aliases }, Spans = { x.Spans.Select(ToProto) } };
            if (x.Title is not null) { m.Title = x.Title; }
            if (x.Country is not null) { m.Country = x.Country; }
            if (x.Confidence is { } c) { m.Confidence = c; }
            return m;
        }));
        p.Organizations.AddRange(f.Organizations.Select(x =>
        {
            var m = new OrganizationFact { Name = x.Name, Aliases = { x.Aliases }, Spans = { x.Spans.Select(ToProto) } };
            if (x.Confidence is { } c) { m.Confidence = c; }
            return m;
        }));
        p.Meetings.AddRange(f.Meetings.Select(x =>
        {
            var m = new MeetingFact { Format = x.Format, HostsOrChairs = { x.HostsOrChairs }, Participants = { x.Participants }, Span = x.Span.ToProto(), Status = x.Status };
            if (x.City is not null) { m.City = x.City; }
            if (x.Country is not null) { m.Country = x.Country; }
            if (x.Date is not null) { m.Date = x.Date; }
            if (x.CityKey is not null) { m.CityKey = x.CityKey; }
            if (x.Confidence is { } c) { m.Confidence = c; }
            return m;
        }));
        p.MemberCounts.AddRange(f.MemberCounts.Select(x =>
        {
            var m = new MemberCountFact { Count = x.Count, Qualifier = x.Qualifier, Span = x.Span.ToProto() };
            if (x.AsOf is not null) { m.AsOf = x.AsOf; }
            if (x.Confidence is { } c) { m.Confidence = c; }
            return m;
        }));
        p.NewMembers.AddRange(f.NewMembers.Select(x =>
        {
            var m = new NewMemberFact { Member = x.Member, Span = x.Span.ToProto() };
            if (x.Ordinal is { } o) { m.Ordinal = o; }
            if (x.Confidence is { } c) { m.Confidence = c; }
            return m;
        }));
        p.Money.AddRange(f.Money.Select(x =>
        {
            var m = new MoneyFact { Qualifier = x.Qualifier, Span = x.Span.ToProto() };
            if (x.AmountUsd is { } usd) { m.AmountUsd = usd; }
            if (x.Purpose is not null) { m.Purpose = x.Purpose; }
            if (x.Amount is { } a) { m.Amount = a.ToString(CultureInfo.InvariantCulture); }
            if (x.Currency is not null) { m.Currency = x.Currency; }
            if (x.Confidence is { } c) { m.Confidence = c; }
            return m;
        }));
        p.Quotes.AddRange(f.Quotes.Select(x =>
        {
            var m = new QuoteFact { Text = x.Text, Span = x.Span.ToProto() };
            if (x.Speaker is not null) { m.Speaker = x.Speaker; }
            if (x.SpeakerDescription is not null) { m.SpeakerDescription = x.SpeakerDescription; }
            if (x.Confidence is { } c) { m.Confidence = c; }
            return m;
        }));
        p.AttackStats.AddRange(f.AttackStats.Select(x =>
        {
            var m = new AttackStatFact { Count = x.Count, Qualifier = x.Qualifier, What = x.What, Where = { x.Where }, Span = x.Span.ToProto() };
            if (x.When is not null) { m.When = x.When; }
            if (x.Confidence is { } c) { m.Confidence = c; }
            return m;
        }));
        return p;
    }

    public static D.DocumentFacts ToDomain(this DocumentFacts p) => new()
    {
        Doc = p.Doc,
        Published = NullIfEmpty(p.Published),
        Relevant = p.Relevant,
        ExtractorVersion = p.ExtractorVersion,
        Countries = p.Countries.Select(x => new D.CountryFact(x.Code, Spans(x.Spans)) { Confidence = x.HasConfidence ? x.Confidence : null }).ToList(),
        People = p.People.Select(x => new D.PersonFact(x.Name, x.Aliases.ToList(), x.HasTitle ? x.Title : null, x.HasCountry ? x.Country : null, Spans(x.Spans))
        { Confidence = x.HasConfidence ? x.Confidence : null }).ToList(),
        Organizations = p.Organizations.Select(x => new D.OrganizationFact(x.Name, x.Aliases.ToList(), Spans(x.Spans))
        { Confidence = x.HasConfidence ? x.Confidence : null }).ToList(),
        Meetings = p.Meetings.Select(x => new D.MeetingFact(x.Format, x.HasCity ? x.City : null, x.HasCountry ? x.Country : null, x.HasDate ? x.Date : null,
            x.HostsOrChairs.ToList(), x.Participants.ToList(), x.Span.ToDomain())
        {
            Status = string.IsNullOrEmpty(x.Status) ? D.MeetingStatuses.Held : x.Status,
            CityKey = x.HasCityKey ? x.CityKey : null,
            Confidence = x.HasConfidence ? x.Confidence : null,
        }).ToList(),
        MemberCounts = p.MemberCounts.Select(x => new D.MemberCountFact(x.Count, x.Qualifier, x.HasAsOf ? x.AsOf : null, x.Span.ToDomain())
        { Confidence = x.HasConfidence ? x.Confidence : null }).ToList(),
        NewMembers = p.NewMembers.Select(x => new D.NewMemberFact(x.Member, x.HasOrdinal ? x.Ordinal : null, x.Span.ToDomain())
        { Confidence = x.HasConfidence ? x.Confidence : null }).ToList(),
        Money = p.Money.Select(x => new D.MoneyFact(x.HasAmountUsd ? x.AmountUsd : null, x.Qualifier, x.HasPurpose ? x.Purpose : null, x.Span.ToDomain())
        {
            Amount = x.HasAmount ? decimal.Parse(x.Amount, CultureInfo.InvariantCulture) : null,
            Currency = x.HasCurrency ? x.Currency : null,
            Confidence = x.HasConfidence ? x.Confidence : null,
        }).ToList(),
        Quotes = p.Quotes.Select(x => new D.QuoteFact(x.HasSpeaker ? x.Speaker : null, x.HasSpeakerDescription ? x.SpeakerDescription : null, x.Text, x.Span.ToDomain())
        { Confidence = x.HasConfidence ? x.Confidence : null }).ToList(),
        AttackStats = p.AttackStats.Select(x => new D.AttackStatFact(x.Count, x.Qualifier, x.What, x.Where.ToList(), x.HasWhen ? x.When : null, x.Span.ToDomain())
        { Confidence = x.HasConfidence ? x.Confidence : null }).ToList(),
    };

    /// <summary>Number of facts of every kind (as <see cref="D.DocumentFacts.Count"/>).</summary>
    public static int Count(this DocumentFacts f) =>
        f.Countries.Count + f.People.Count + f.Organizations.Count + f.Meetings.Count + f.MemberCounts.Count
        + f.NewMembers.Count + f.Money.Count + f.Quotes.Count + f.AttackStats.Count;

    public static Span ToProto(this D.TextSpan s) => new() { Start = s.Start, End = s.End };

    public static D.TextSpan ToDomain(this Span? s) => s is null ? default : new D.TextSpan(s.Start, s.End);

    private static List<D.TextSpan> Spans(IEnumerable<Span> spans) => spans.Select(s => s.ToDomain()).ToList();

    private static CountryFact With(CountryFact m, double? confidence)
    {
        if (confidence is { } c)
        {
            m.Confidence = c;
        }

        return m;
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
