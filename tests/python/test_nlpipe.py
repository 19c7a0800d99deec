"""The nlpipe Python package on the built tree (run by tests/test-python.sh
under make check): the seed article, a third-party stage's layers, errors,
code-point offsets, pipe() order and accounting, and memory over 10,000
documents."""
import gc
import os
import unittest

import nlpipe

SRC = os.environ["NLP_TEST_SRCDIR"]
BUILD = os.environ["NLP_TEST_BUILDDIR"]
TEST_STAGES = os.path.join(BUILD, "tests", "stages")
THIRD_PARTY = os.path.join(BUILD, "tests", "thirdparty")


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def rss_kib():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


class SeedArticle(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.nlp = nlpipe.Pipeline("tokenize,sentence,stem,entity,sentiment",
                                  options={"stem.language": "english"})
        cls.text = read(os.path.join(SRC, "examples", "articles", "anchorage-summit.txt"))
        cls.doc = cls.nlp(cls.text, id="summit")

    def test_entities_with_their_types(self):
        found = {(e.text, e.label) for e in self.doc.entities}
        for expected in [("Putin", "PER"), ("Trump", "PER"), ("Ukraine", "LOC"),
                         ("Anchorage", "LOC"), ("NATO", "ORG"), ("Marco Rubio", "PER")]:
            self.assertIn(expected, found)

    def test_offsets_slice_the_text(self):
        for e in self.doc.entities:
            self.assertEqual(self.text[e.start:e.end], e.text)

    def test_sentences_carry_their_sentiment(self):
        sentences = list(self.doc.sentences)
        self.assertGreater(len(sentences), 40)
        first = sentences[0]
        self.assertTrue(first.text.startswith("Did Trump and Putin"))
        self.assertAlmostEqual(first["sentiment"], 0.5574, places=4)
        negative = [s for s in sentences if "tragedy" in s.text]
        self.assertTrue(negative and negative[0]["sentiment"] < 0)

    def test_every_column_is_reachable(self):
        stems = self.doc.layers["token"]["stem"]
        self.assertIn("negoti", stems)
        self.assertEqual(set(self.doc.layers), {"token", "sentence", "entity"})
        self.assertIn("sentiment", self.doc.attributes)
        self.assertEqual(self.doc.attributes["sentiment"]["sentences"], len(self.doc.sentences))

    def test_to_json_is_what_the_command_writes(self):
        obj = self.doc.to_json()
        self.assertEqual(obj["id"], "summit")
        self.assertEqual(obj["text"], self.text)
        self.assertEqual(len(obj["layers"]["entity"]), len(self.doc.entities))

    def test_the_stages_are_described(self):
        self.assertEqual(self.nlp.stages, ["tokenize", "sentence", "stem", "entity", "sentiment"])
        names = [s["name"] for s in nlpipe.stages()]
        self.assertIn("entity", names)
        self.assertEqual(nlpipe.info("entity")["languages"], ["en"])


class ThirdPartyStage(unittest.TestCase):
    def test_every_layer_and_column_of_keywords(self):
        nlp = nlpipe.Pipeline("tokenize,sentence,stem,keywords",
                              options={"keywords.datadir": os.path.join(SRC, "examples", "keywords", "data")},
                              plugin_path=[THIRD_PARTY])
        doc = nlp(read(os.path.join(SRC, "examples", "keywords", "tests", "article.txt")))
        layer = doc.layers["keywords"]
        self.assertGreater(len(layer), 0)
        self.assertEqual(set(layer.columns), {"phrase", "rank", "score"})
        self.assertIn("solar farm", layer["phrase"])
        self.assertEqual(doc.attributes["keywords"][0]["phrase"], "solar farm")
        first = layer[0]
        self.assertEqual(first.text.lower(), first["phrase"])


class Errors(unittest.TestCase):
    def test_an_unknown_stage(self):
        with self.assertRaises(nlpipe.Error) as cm:
            nlpipe.Pipeline("tokenize,nosuchstage")
        self.assertEqual(cm.exception.code, "unknown-stage")
        self.assertIn("no stage named 'nosuchstage'", str(cm.exception))

    def test_a_bad_option(self):
        with self.assertRaises(nlpipe.Error) as cm:
            nlpipe.Pipeline("tokenize,stem", options={"stem.language": "klingon"})
        self.assertEqual(cm.exception.code, "option")
        self.assertIn("stem.language: bad value 'klingon'", str(cm.exception))

    def test_a_stage_that_fails(self):
        nlp = nlpipe.Pipeline("testtok,failer", plugin_path=[TEST_STAGES])
        with self.assertRaises(nlpipe.Error) as cm:
            nlp("this will FAIL now")
        self.assertEqual(cm.exception.code, "stage")
        self.assertEqual(cm.exception.stage, "failer")


class Offsets(unittest.TestCase):
    def test_code_points_on_accents_cjk_and_emoji(self):
        nlp = nlpipe.Pipeline("tokenize")
        text = "Café déjà vu 東京タワー 😀👍🏽 naïve"
        doc = nlp(text)
        tokens = [t.text for t in doc.tokens]
        self.assertIn("Café", tokens)
        self.assertIn("naïve", tokens)
        for t in doc.tokens:
            self.assertEqual(text[t.start:t.end], t.text)
        self.assertEqual(doc.tokens[-1].end, len(text))


class Pipe(unittest.TestCase):
    def test_order_and_accounting_with_failures_mixed_in(self):
        nlp = nlpipe.Pipeline("testtok,failer", plugin_path=[TEST_STAGES])
        texts = [("d%d" % i, "doc %d %s" % (i, "FAIL" if i % 5 == 2 else "fine"))
                 for i in range(400)]
        docs = list(nlp.pipe(texts, jobs=3, window=16))
        self.assertEqual([d.id for d in docs], [i for i, _ in texts])
        failed = [d for d in docs if d.error is not None]
        self.assertEqual(len(failed), 80)
        self.assertTrue(all(d.error.stage == "failer" for d in failed))
        self.assertTrue(all(d.text == t for d, (_, t) in zip(docs, texts)))

    def test_inputs_as_strings_pairs_and_mappings(self):
        nlp = nlpipe.Pipeline("tokenize,sentence,entity")
        docs = list(nlp.pipe(["Paris is big.", ("b", "Berlin is old."),
                              {"id": "c", "text": "Rome is warm."}], jobs=2))
        self.assertEqual([d.id for d in docs], ["", "b", "c"])
        self.assertEqual([[e.text for e in d.entities] for d in docs],
                         [["Paris"], ["Berlin"], ["Rome"]])

    def test_nothing_leaks_over_ten_thousand_documents(self):
        nlp = nlpipe.Pipeline("tokenize,sentence,stem,entity,sentiment")
        text = "Angela Merkel met Emmanuel Macron in Paris on Friday; the talks went well."

        def run(n):
            for doc in nlp.pipe((text for _ in range(n)), jobs=2):
                doc.entities
        # the first documents fill the caches, memos and heap arenas
        run(5000)
        gc.collect()
        before = rss_kib()
        run(10000)
        gc.collect()
        grown = rss_kib() - before
        # a document or a layer kept per document would be 100+ MB here;
        # the heaps of the worker threads move by up to ~5 MB either way
        # (measured: +5.0, -3.6, +2.2, -4.2, -2.0, 0 MB in six rounds)
        self.assertLess(grown, 16 * 1024, "RSS grew by %d KiB over 10,000 documents" % grown)


if __name__ == "__main__":
    unittest.main()
