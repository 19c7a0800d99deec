#!/usr/bin/env node
// Runs wink-nlp over a JSON Lines corpus ({"id","text"} per line) and writes
// its tokens, sentences, UPOS tags and lemmas as CoNLL-U on stdout (a flat
// tree as nlpipe writes it, so that the CoNLL 2018 scorer loads it); one
// summary line on stderr: documents, tokens, seconds of tagging, tokens/s.
// Reading the file and writing the output are not timed.
//   usage: node wink-pos.js CORPUS.jsonl   (NODE_PATH must reach wink-nlp)
const fs = require('fs');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
const nlp = winkNLP(model);
const its = nlp.its;
const docs = fs.readFileSync(process.argv[2], 'utf8').split('\n')
  .filter(l => l.trim()).map(l => JSON.parse(l));
const out = [];
let tokens = 0, secs = 0;
for (const d of docs) {
  const t0 = process.hrtime.bigint();
  const doc = nlp.readDoc(d.text);
  const sents = [];
  doc.sentences().each(s => {
    sents.push({ text: s.out(), values: s.tokens().out(its.value),
                 pos: s.tokens().out(its.pos), lemma: s.tokens().out(its.lemma) });
  });
  secs += Number(process.hrtime.bigint() - t0) / 1e9;
  // write each token as the text has it: the scorer needs the characters
  let at = 0;
  sents.forEach((s, k) => {
    out.push(`# sent_id = ${d.id}-${k + 1}`, `# text = ${s.text.replace(/\s+/g, ' ')}`);
    let id = 0;
    s.values.forEach((v, i) => {
      const form = v.replace(/\s+/g, '');
      if (!form) return;
      const found = d.text.indexOf(form, at);
      if (found >= 0) at = found + form.length;
      id++;
      const lemma = (s.lemma[i] || '_').replace(/\s+/g, '') || '_';
      out.push([id, form, lemma, s.pos[i] || 'X', '_', '_', id === 1 ? 0 : 1,
                id === 1 ? 'root' : 'dep', '_', '_'].join('\t'));
      tokens++;
    });
    out.push('');
  });
}
process.stdout.write(out.join('\n') + '\n');
console.error(`wink-nlp docs=${docs.length} tokens=${tokens} secs=${secs.toFixed(3)} ` +
              `tok_per_s=${(tokens / secs).toFixed(0)}`);
