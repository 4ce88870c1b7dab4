using Dossier.Domain;
using Dossier.Pipeline;
using Dossier.Pipeline.Model;

namespace Dossier.Cli.Commands;

/// <summary><c>annotate FILE [--layers L,...]</c>.</summary>
public sealed record AnnotateOptions(string File, IReadOnlySet<string> Layers);

/// <summary>
/// <c>annotate FILE [--layers titles,names,people,entities,meetings,quotes,patterns,dates,numbers]</c>: runs the pipeline over one article and prints
/// what its components saw, layer by layer, each annotation with its text — for error analysis of the rules.
/// </summary>
public static class AnnotateCommand
{
    /// <summary>The layers <c>--layers</c> may name.</summary>
    public static IReadOnlyList<string> AllLayers { get; } = ["titles", "names", "people", "entities", "meetings", "quotes", "patterns", "dates", "numbers"];

    /// <summary>The layers shown without <c>--layers</c>.</summary>
    public static IReadOnlyList<string> DefaultLayers { get; } = ["titles", "names", "people"];

    public static int Run(AnnotateOptions args, TextWriter stdout)
    {
        var file = args.File;
        if (!File.Exists(file))
        {
            throw new UsageException($"file not found: {file}");
        }

        var layers = args.Layers;
        var text = ExtractCommand.ReadOriginalText(file);
        var document = ExtractionPipeline.CreateDefault().Annotate(new ExtractionRequest(Path.GetFileNameWithoutExtension(file), text));
        string Range(int from, int to) => document.TokenRangeText(from, to).ReplaceLineEndings(" ");
        if (layers.Contains("entities"))
        {
            foreach (var e in document.Entities)
            {
                stdout.WriteLine($"entity  s{e.Sentence,-3} {e.Entry.Kind,-20} {e.Entry.Id,-12} {(e.Confirmed ? "" : "(unconfirmed) ")}{Range(e.TokenStart, e.TokenEnd)}");
            }
        }

        if (layers.Contains("titles"))
        {
            foreach (var t in document.Titles)
            {
                stdout.WriteLine($"title   s{t.Sentence,-3} {(t.Plural ? "plural " : "")}{(t.Relational ? "relational " : "")}{t.Country ?? "--"} {Range(t.TokenStart, t.TokenEnd)}");
            }
        }

        if (layers.Contains("names"))
        {
            foreach (var c in document.NameCandidates)
            {
                stdout.WriteLine($"name    s{c.Sentence,-3} {(c.InHeadline ? "headline " : "")}[{c.Cues}] {Range(c.TokenStart, c.TokenEnd)}");
            }
        }

        if (layers.Contains("people"))
        {
            foreach (var p in document.People)
            {
                stdout.WriteLine($"person  {p.Name} | title: {p.Title ?? "-"} | country: {p.Country ?? "-"} | aliases: {string.Join("; ", p.Aliases)} | mentions: {p.Mentions.Count}");
            }
        }

        if (layers.Contains("meetings"))
        {
            foreach (var m in document.MeetingMentions)
            {
                stdout.WriteLine($"mention s{m.Sentence,-3} {m.Rule} [{Range(m.Start, m.End)}] trigger={document.TokenText(m.Trigger)} format={m.Format ?? "-"}({m.FormatStrength}) "
                    + $"{(m.Linked ? "linked " : "")}{(m.Generic ? "generic " : "")}{(m.Planned ? "planned " : "")}{(m.Virtual ? "virtual " : "")}{(m.Excluded is { } x ? "EXCLUDED:" + x + " " : "")}"
                    + $"date={m.Date ?? "-"} place={m.City ?? "-"}/{m.Country ?? "-"} hosts=[{string.Join(",", m.Hosts)}] part=[{string.Join(",", m.Participants)}]");
            }

            foreach (var f in document.Meetings)
            {
                stdout.WriteLine($"meeting {f.Status} {f.Format} {f.City ?? "-"}/{f.Country ?? "-"} {f.Date ?? "-"} hosts=[{string.Join(",", f.HostsOrChairs)}] part=[{string.Join(",", f.Participants)}]");
            }
        }

        if (layers.Contains("patterns"))
        {
            foreach (var (name, _) in document.Knowledge.PatternFiles.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                foreach (var sentence in document.Sentences)
                {
                    foreach (var match in document.Match(name, sentence.TokenStart, sentence.TokenEnd))
                    {
                        stdout.WriteLine($"match   s{sentence.Index,-3} {name}/{match.Id} [{Range(match.Start, match.End)}]");
                    }
                }
            }
        }

        if (layers.Contains("dates"))
        {
            foreach (var d in document.Dates)
            {
                stdout.WriteLine($"date    s{d.Sentence,-3} {d.Value ?? "null",-10} {Range(d.TokenStart, d.TokenEnd)}");
            }
        }

        if (layers.Contains("numbers"))
        {
            foreach (var n in document.Numbers)
            {
                stdout.WriteLine($"number  s{n.Sentence,-3} {n.Value} {n.Currency} {Range(n.TokenStart, n.TokenEnd)}");
            }
        }

        if (layers.Contains("quotes"))
        {
            foreach (var q in document.Quotes)
            {
                stdout.WriteLine($"quote   {q.Rule,-18} {q.Speaker ?? "-"} | {q.SpeakerDescription ?? "-"} | {q.Text.ReplaceLineEndings(" ")}");
            }
        }

        return 0;
    }
}
