#!/usr/bin/env python3
"""A client for `nlpipe serve`, with nothing but Python's standard library.

As a program:

    nlpipe_client.py [--url URL] [--json | --format FORMAT] FILE...

sends the files (or standard input, "-") to a running server as one
JSON Lines batch, each document named after its file, and prints for
each its headline, sentiment and entities; --json prints the server's
JSON Lines as they come, --format text|tsv|html|sentences|conllu its
other formats.  Exit status: 0 done, 1 the server refused a document or
cannot be reached, 2 usage.

As a module:

    from nlpipe_client import Client
    nlp = Client("http://127.0.0.1:8080")
    doc = nlp.annotate("Putin met Trump in Anchorage.")
    for e in doc["attributes"]["entities"]:
        print(e["name"], e["label"], e["count"])
    for doc in nlp.annotate_many([{"id": "a1", "text": "..."}, ...]):
        ...                                   # in input order, as they finish

docs/serve.md describes the API.
"""

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

__all__ = ["Client", "NlpipeError"]


class NlpipeError(Exception):
    """The server answered with an error: .status (HTTP), .code, .message
    and .stage (the stage that failed on the document, or None)."""

    def __init__(self, status, code, message, stage=None):
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message, self.stage = status, code, message, stage


class Client:
    """A running nlpipe serve at @url (default http://127.0.0.1:8080)."""

    def __init__(self, url="http://127.0.0.1:8080", timeout=60, retries=3):
        self.url = url.rstrip("/")
        self.timeout = timeout
        self.retries = retries            # on 503, after Retry-After seconds

    def _open(self, path, body=None, content_type=None):
        headers = {"Content-Type": content_type} if content_type else {}
        for attempt in range(self.retries + 1):
            request = urllib.request.Request(self.url + path, data=body, headers=headers,
                                             method="POST" if body is not None else "GET")
            try:
                return urllib.request.urlopen(request, timeout=self.timeout)
            except urllib.error.HTTPError as e:
                if e.code == 503 and attempt < self.retries:
                    time.sleep(float(e.headers.get("Retry-After", "1")))
                    continue
                raise _error(e) from None
        raise AssertionError("not reached")

    def annotate(self, text, id=None, format="json"):
        """One document: a dict (format json), else the formatted text."""
        if id is None:
            body, kind = text.encode("utf-8"), "text/plain; charset=utf-8"
        else:
            body = json.dumps({"id": id, "text": text}).encode("utf-8")
            kind = "application/json"
        with self._open(_path(format), body, kind) as answer:
            data = answer.read().decode("utf-8")
        return json.loads(data) if format == "json" else data

    def annotate_many(self, records, format="json"):
        """A batch of {"id", "text", ...} dicts (other members come back
        under "extra"): yields one dict per record (format json; a record
        the server could not read or a stage failed on has an "error"),
        or the lines of another format, as the server streams them."""
        for line in self.lines(records, format):
            yield json.loads(line) if format == "json" else line

    def lines(self, records, format="json"):
        """The same batch: yields the server's lines as they come, as text."""
        body = "".join(json.dumps(r) + "\n" for r in records).encode("utf-8")
        with self._open(_path(format), body, "application/x-ndjson") as answer:
            for line in answer:
                yield line.decode("utf-8")

    def stages(self):
        """The loaded chain: `nlpipe list --json` entries."""
        with self._open("/v1/stages") as answer:
            return json.load(answer)

    def health(self):
        with self._open("/v1/health") as answer:
            return json.load(answer)


def _path(format):
    return "/v1/annotate?" + urllib.parse.urlencode({"format": format})


def _error(e):
    try:
        error = json.loads(e.read().decode("utf-8"))["error"]
        return NlpipeError(e.code, error["code"], error["message"], error.get("stage"))
    except (ValueError, KeyError):
        return NlpipeError(e.code, "http_error", e.reason)


def headline(doc):
    """The first line of the text, when short enough to be a headline."""
    first = doc["text"].strip().split("\n", 1)[0].strip()
    return first if 0 < len(first) <= 200 else doc["id"]


def summary(doc):
    """Lines for people: headline, sentiment, entities with counts and
    the mean sentiment of the sentences that mention them."""
    lines = [f"== {doc['id']}: {headline(doc)}"]
    if "error" in doc:
        lines.append(f"   error in {doc['error']['stage']}: {doc['error']['message']}")
        return lines
    attrs = doc.get("attributes", {})
    s = attrs.get("sentiment")
    if s:
        lines.append(f"   sentiment {s['compound']:+.4f} ({s['positive']} positive, "
                     f"{s['neutral']} neutral, {s['negative']} negative sentences)")
    per = attrs.get("entity_sentiment", {})
    for e in attrs.get("entities", []):
        mood = per.get(e["name"], {}).get("compound")
        lines.append(f"   {e['name']} ({e['label']}) x{e['count']}"
                     + (f" {mood:+.2f}" if mood is not None else ""))
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description="Annotate files with a running nlpipe serve.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="text files, or - for stdin")
    parser.add_argument("--url", default=os.environ.get("NLPIPE_URL", "http://127.0.0.1:8080"),
                        help="the server (default: $NLPIPE_URL or http://127.0.0.1:8080)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help="print the server's JSON Lines")
    group.add_argument("--format", choices=["text", "tsv", "html", "sentences", "conllu"],
                       help="print this format of the server's")
    args = parser.parse_args(argv)

    records = []
    for name in args.files:
        if name == "-":
            records.append({"id": "stdin", "text": sys.stdin.read()})
        else:
            with open(name, encoding="utf-8") as f:
                records.append({"id": os.path.basename(name), "text": f.read()})
    client, status = Client(args.url), 0
    try:
        if args.format or args.json:
            for line in client.lines(records, args.format or "json"):
                sys.stdout.write(line)
                status |= args.json and '"error":{' in line and "error" in json.loads(line)
            return int(status)
        for doc in client.annotate_many(records):
            status |= "error" in doc
            print("\n".join(summary(doc)))
    except NlpipeError as e:
        print(f"nlpipe_client: the server refused it: {e}", file=sys.stderr)
        return 1
    except urllib.error.URLError as e:
        print(f"nlpipe_client: cannot reach {args.url}: {e.reason}; is nlpipe serve running?",
              file=sys.stderr)
        return 1
    return int(status)


if __name__ == "__main__":
    sys.exit(main())
