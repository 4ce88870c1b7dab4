using System.Text;

namespace Dossier.NearDupBench;

/// <summary>
/// Other articles to fill a store with, from a seed: text from a word-bigram chain over the real articles (their words and
/// how they follow one another, no sentence copied whole), in paragraphs, under the site boilerplate of one of twenty
/// outlets (a footer many articles share, as real sites' do).
/// </summary>
public sealed class FillerGenerator
{
    private const int Outlets = 20;
    private readonly Dictionary<string, List<string>> _next = new(StringComparer.Ordinal);
    private readonly string[] _starts;

    public FillerGenerator(IEnumerable<string> articles)
    {
        var starts = new List<string>();
        foreach (var article in articles)
        {
            var words = article.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i + 1 < words.Length; i++)
            {
                if (!_next.TryGetValue(words[i], out var list))
                {
                    _next[words[i]] = list = [];
                }

                list.Add(words[i + 1]);
                if (i == 0 || words[i - 1].EndsWith('.'))
                {
                    starts.Add(words[i]);
                }
            }
        }

        _starts = [.. starts];
    }

    public string Article(int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder();
        var paragraphs = random.Next(4, 9);
        for (var p = 0; p < paragraphs; p++)
        {
            var word = _starts[random.Next(_starts.Length)];
            var length = random.Next(30, 70);
            for (var w = 0; w < length; w++)
            {
                builder.Append(word).Append(' ');
                word = _next.TryGetValue(word, out var next) ? next[random.Next(next.Count)] : _starts[random.Next(_starts.Length)];
            }

            builder.Append("\n\n");
        }

        var outlet = random.Next(Outlets);
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"Outlet {outlet} News. Copyright Outlet {outlet} Media. All rights reserved. Follow Outlet {outlet} for the latest ")
            .Append("world news, analysis and opinion. Sign up to our newsletter and never miss a story. Contact the newsroom with tips.");
        return builder.ToString();
    }
}
