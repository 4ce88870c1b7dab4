using Dossier.Domain;
using static Dossier.Store.Rows;

namespace Dossier.Store;

/// <summary>The claims an article makes (member counts, pledges…), kept per kind so that conflicting reports show on one timeline.</summary>
internal static class ClaimWriter
{
    internal static void WriteClaims(SqlSession session, ArticleInfo article, string? published, DocumentFacts facts)
    {
        var articleDate = published ?? KnowledgeRules.ReportedDate(facts.Meetings);
        var rows = new List<object?[]>();
        foreach (var c in facts.MemberCounts)
        {
            rows.Add([ClaimKinds.MemberCount, article.Id, Typed.Text(published), Typed.Int(c.Count), Typed.Text(c.Qualifier), Typed.Text(c.AsOf),
                Typed.Text(c.AsOf ?? articleDate), Typed.Text(null), Typed.Int(null), c.Span.Start, c.Span.End, Evidence(article.Text, c.Span)]);
        }

        foreach (var n in facts.NewMembers)
        {
            rows.Add([ClaimKinds.NewMember, article.Id, Typed.Text(published), Typed.Int(n.Ordinal), Typed.Text(n.Ordinal is null ? null : Qualifiers.Exact),
                Typed.Text(null), Typed.Text(articleDate), Typed.Text(n.Member), Typed.Int(n.Ordinal), n.Span.Start, n.Span.End, Evidence(article.Text, n.Span)]);
        }

        session.InsertRows(
            "INSERT INTO claims (kind, document_id, published, value, qualifier, as_of, effective, member, ordinal, span_start, span_end, evidence)", rows);
    }
}
