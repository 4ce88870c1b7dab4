#!/usr/bin/env python3
"""Real-sized articles for the benchmarks: the seeds, the dev corpus (../shared/eval/dev/docs, when present) and
tests/Dossier.Pipeline.Tests/Articles/*.txt, replicated, each copy ending in a reference line of its own so that no two
files are the same. Run from the repository root.

    bench/make-corpus.py OUT --articles 6000 --label e2e     # exactly that many files
    bench/make-corpus.py OUT --megabytes 20 --label bench    # whole rounds of the sources until 10^6 x that many bytes
"""
import argparse
import os
import sys

FOLDERS = ["seeds", "../shared/eval/dev/docs", "tests/Dossier.Pipeline.Tests/Articles"]


def sources():
    found = []
    for folder in FOLDERS:
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                if name.endswith(".txt"):
                    with open(os.path.join(folder, name), "rb") as f:
                        found.append((name[:-4], f.read()))
    if not found:
        sys.exit("make-corpus.py: no articles found (run from the repository root)")
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    size = parser.add_mutually_exclusive_group(required=True)
    size.add_argument("--articles", type=int)
    size.add_argument("--megabytes", type=int)
    parser.add_argument("--label", default="bench")
    args = parser.parse_args()

    articles = sources()
    os.makedirs(args.out, exist_ok=True)
    total = written = 0
    while (written < args.articles) if args.articles is not None else (total < args.megabytes * 10**6 or written % len(articles)):
        copy, (stem, data) = divmod(written, len(articles))[0], articles[written % len(articles)]
        body = data + b"\n[%s copy %05d of %s]\n" % (args.label.encode(), copy, stem.encode())
        with open(os.path.join(args.out, "c%05d_%s.txt" % (copy, stem)), "wb") as f:
            f.write(body)
        total += len(body)
        written += 1
    print(f"corpus: {written} files from {len(articles)} articles, {total:,} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
