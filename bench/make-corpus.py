#!/usr/bin/env python3
"""Real-sized articles for the benchmarks: the seeds, the dev corpus (../shared/eval/dev/docs, when present) and
tests/Dossier.Pipeline.Tests/Articles/*.txt, replicated, each copy ending in a reference line of its own so that no two
files are the same. Run from the repository root. A folder made with the same arguments before is kept as it is.

    bench/make-corpus.py OUT --articles 6000 --label e2e     # exactly that many files
    bench/make-corpus.py OUT --megabytes 20 --label bench    # whole rounds of the sources until 10^6 x that many bytes
"""
import argparse
import os
import shutil
import sys

FOLDERS = ["seeds", "../shared/eval/dev/docs", "tests/Dossier.Pipeline.Tests/Articles"]
STAMP = ".corpus"


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

    stamp = f"articles={args.articles} megabytes={args.megabytes} label={args.label}\n"
    stamp_path = os.path.join(args.out, STAMP)
    if os.path.exists(stamp_path) and open(stamp_path).read() == stamp:
        print(f"corpus: kept {args.out}", file=sys.stderr)
        return

    articles = sources()
    shutil.rmtree(args.out, ignore_errors=True)
    os.makedirs(args.out)
    total = written = 0

    def enough():
        if args.articles is not None:
            return written >= args.articles
        return total >= args.megabytes * 10**6 and written % len(articles) == 0

    while not enough():
        copy, index = divmod(written, len(articles))
        stem, data = articles[index]
        body = data + b"\n[%s copy %05d of %s]\n" % (args.label.encode(), copy, stem.encode())
        with open(os.path.join(args.out, "c%05d_%s.txt" % (copy, stem)), "wb") as f:
            f.write(body)
        total += len(body)
        written += 1
    with open(stamp_path, "w") as f:
        f.write(stamp)
    print(f"corpus: {written} files from {len(articles)} articles, {total:,} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
