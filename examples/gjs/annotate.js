#!/usr/bin/env -S gjs -m
// annotate.js — nlpipe from JavaScript (gjs), through the same typelib the
// Python package uses: every GObject Introspection language gets the
// library this way.
//   gjs -m examples/gjs/annotate.js ARTICLE.txt
// prints one line per entity (text, type, code-point offsets) and each
// sentence's sentiment.
import GLib from 'gi://GLib';
import Nlpipe from 'gi://Nlpipe?version=1.0';
import System from 'system';

const [path] = ARGV;
if (!path) {
    printerr('usage: annotate.js ARTICLE.txt');
    System.exit(2);
}
const [, bytes] = GLib.file_get_contents(path);
let pipeline;
try {
    pipeline = Nlpipe.Pipeline.new_from_string('tokenize,sentence,stem,entity,sentiment');
} catch (e) {
    printerr(`annotate.js: ${e.message}`);
    System.exit(3);
}
const doc = pipeline.process_text(path, bytes);
const entities = JSON.parse(Nlpipe.Writer.layer_to_json(doc, 'entity', false));
for (const e of entities)
    print(`${e.label}\t${e.start}\t${e.end}\t${e.canonical}`);
const sentences = JSON.parse(Nlpipe.Writer.layer_to_json(doc, 'sentence', false));
print(`${sentences.length} sentences, first sentiment ${sentences[0].sentiment}`);
