namespace Dossier.Cli;

public static class Usage
{
    public const string Text = """
        usage: dossier <command> [options]

        Offline (no services needed):
          extract --in DIR --out DIR [--threads N] [--sources FILE] [--verbose]
                                              extract facts from every *.txt in DIR into DIR/<stem>.json (FORMAT.md),
                                              on N threads (default: one per processor); --sources: a TSV with 'file'
                                              and 'url' columns (e.g. sources.tsv) giving each article its url;
                                              --verbose: a line per article
          evaluate --gold DIR --docs DIR [--pred DIR] [--sources FILE] [--json-out FILE] [--rules-out FILE] [--verbose]
                                              precision/recall/F1 per fact kind against gold annotations (as score.py);
                                              without --pred the pipeline runs in-process over DIR/*.txt (--sources as
                                              for extract); --json-out: score.py's --json report; --verbose: every miss
                                              and false positive with its sentence; --rules-out: each rule's precision
                                              (the facts' confidence: src/Dossier.Pipeline/Data/rule_precision.tsv)
          annotate FILE [--layers titles,names,people,entities,meetings,quotes,patterns,dates,numbers]
                                              what each pipeline layer found in one article (error analysis)

        Against a running system (default servers are the app host's fixed ports). Writes send the API key:
        --api-key KEY, else DOSSIER_API_KEY, else the app host's key file (DOSSIER_DATA_DIR or ~/.local/share/dossier)/api-key.
          ingest DIR [--server URL] [--no-wait]
                                              send every *.txt / *.html in DIR to ingestion (default http://localhost:5181)
                                              and follow them until indexed or failed
          ingest --url URL [--title T] [--source S] [--published YYYY-MM-DD] [--id ID] [--no-wait]
                                              ingestion fetches the web page (http/https, size and time capped, no
                                              private addresses unless allowed) and ingests it, the URL as its url
          feeds add URL [--interval S]        subscribe to an RSS 2.0 or Atom feed (polled at once, then every S seconds,
                                              default 900); its new items' pages are fetched and ingested by themselves
          feeds list [--json]                 subscriptions: last poll, next poll, items found (ingested), last error
          feeds remove ID                     end a subscription (its articles stay)
          feeds poll ID                       poll a feed now and show what it found
          queue                               the ingestion queue: pending, indexed, failed, workers, pause
          failed                              articles parked after their last attempt, with their errors
          retry [ID ...]                      queue failed articles again (default all)
          delete ID                           delete an article and its facts
          reextract [ID ...] [--server URL]   run stored articles (default all) through the current extractor again
          search TEXT [--server URL] [--json] [--collapse]
                                              full-text search over indexed articles (default http://localhost:5183);
                                              --collapse lists one article per cluster of near-duplicates
          facts DOC_ID [--server URL] [--json]
                                              the facts of one article; --json prints the FORMAT.md JSON
          events [--country CC] [--format F] [--from DATE] [--to DATE] [--json]
                                              meetings merged across articles; events ID for one event
          entity --kind person|country|organization|place [PREFIX] [--json]
                                              canonical entities; entity ID (e.g. person:antony-blinken) for one
          timeline [member_count] [--json]    member counts over time, contradictions marked
          export [--out DIR | --jsonl [--out FILE]]
                                              every article's facts as FORMAT.md JSON files or JSON Lines

        """;
}
