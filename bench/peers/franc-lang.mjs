#!/usr/bin/env node
// Runs franc (npm franc@6.2.0) over a language test set: LANG<TAB>SET<TAB>
// SENTENCE lines (plugins/lang/make-corpus.py writes one), one sentence a
// document.  Prints one ISO 639-1 code (or "und", or franc's own ISO 639-3
// code for a language nlpipe's model does not have) per line on stdout, and
// a summary line on stderr: sentences, seconds, MB/s.  Reading the file is
// not timed.  --only restricts franc to the languages of nlpipe's model that
// franc knows (franc's `only` option).
//   usage: node franc-lang.mjs [--only] TEST.tsv   (NODE_PATH: see run-franc.sh)
import fs from 'node:fs';
import { franc } from 'franc';

// franc's ISO 639-3 codes of the languages nlpipe's shipped model reports
// (Dari, prs, as Persian: nlpipe calls it fa too).
const toIso1 = {
  afr: 'af', als: 'sq', arb: 'ar', bel: 'be', bos: 'bs', bul: 'bg', cat: 'ca',
  ces: 'cs', cmn: 'zh', dan: 'da', deu: 'de', ekk: 'et', ell: 'el', eng: 'en',
  eus: 'eu', fin: 'fi', fra: 'fr', gle: 'ga', glg: 'gl', heb: 'he', hin: 'hi',
  hrv: 'hr', hun: 'hu', hye: 'hy', ind: 'id', isl: 'is', ita: 'it', jpn: 'ja',
  kor: 'ko', lit: 'lt', lvs: 'lv', mar: 'mr', mkd: 'mk', nld: 'nl', nno: 'no',
  nob: 'no', npi: 'ne', pes: 'fa', pol: 'pl', por: 'pt', prs: 'fa', ron: 'ro', rus: 'ru',
  slk: 'sk', slv: 'sl', spa: 'es', srp: 'sr', swe: 'sv', tam: 'ta', tha: 'th',
  tur: 'tr', ukr: 'uk', urd: 'ur', vie: 'vi', ydd: 'yi', zlm: 'ms',
};
const args = process.argv.slice(2);
const only = args[0] === '--only';
const path = only ? args[1] : args[0];
const texts = fs.readFileSync(path, 'utf8').split('\n').filter(l => l)
  .map(l => l.split('\t').slice(2).join('\t'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const options = only ? { only: Object.keys(toIso1) } : {};
const out = new Array(texts.length);
const t0 = process.hrtime.bigint();
for (let i = 0; i < texts.length; i++) out[i] = franc(texts[i], options);
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
process.stdout.write(out.map(c => toIso1[c] || c).join('\n') + '\n');
console.error(`franc${only ? ' --only' : ''} sentences=${texts.length} ` +
  `secs=${secs.toFixed(3)} MB_per_s=${(bytes / secs / 1e6).toFixed(3)}`);
