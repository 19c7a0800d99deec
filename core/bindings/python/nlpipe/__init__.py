"""nlpipe from Python: the nlpipe pipeline through GObject Introspection.

    import nlpipe
    nlp = nlpipe.Pipeline("tokenize,sentence,stem,entity,sentiment")
    doc = nlp("Putin met Trump in Anchorage.")
    for ent in doc.entities:
        print(ent.text, ent.label, ent.start, ent.end)
    for doc in nlp.pipe(texts, jobs=4):
        ...

Offsets are Python string indices (code points).  Every layer and column
of every stage, including third-party ones, is in doc.layers; values are
read from the C document only when you touch them.  docs/python.md is the
guide; gi.repository.Nlpipe is the whole C API underneath.
"""
import collections as _collections
import json as _json

import gi

gi.require_version("Nlpipe", "1.0")
from gi.repository import GLib as _GLib  # noqa: E402
from gi.repository import Nlpipe as _Nlpipe  # noqa: E402

__all__ = ["Pipeline", "Doc", "Layer", "Span", "Error", "stages", "info",
           "DEFAULT_CHAIN", "__version__"]

__version__ = _Nlpipe.VERSION
DEFAULT_CHAIN = "tokenize,sentence,stem,entity,sentiment"

_CODES = {
    _Nlpipe.Error.FAILED: "failed", _Nlpipe.Error.USAGE: "usage",
    _Nlpipe.Error.UNKNOWN_STAGE: "unknown-stage", _Nlpipe.Error.LOAD: "load",
    _Nlpipe.Error.ABI: "abi", _Nlpipe.Error.OPTION: "option",
    _Nlpipe.Error.CHAIN: "chain", _Nlpipe.Error.IO: "io",
    _Nlpipe.Error.ENCODING: "encoding", _Nlpipe.Error.INPUT: "input",
    _Nlpipe.Error.STAGE: "stage", _Nlpipe.Error.DATA: "data",
    _Nlpipe.Error.TOO_LARGE: "too-large",
}


class Error(Exception):
    """An nlpipe error: str(error) is the library's one-line message (or one
    line per problem of a chain); .code names its kind ("unknown-stage",
    "option", "chain", "stage", "encoding" ...); .stage names the stage
    instance that failed, when one did."""

    def __init__(self, message, code="failed", stage=None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.stage = stage


def _raise(gerror, stage=None):
    code = _CODES.get(gerror.code, "failed") if gerror.domain == "nlp-error-quark" else "failed"
    raise Error(gerror.message, code, stage) from None


def _texts(item):
    """(id, text) of one pipe() input: a str, an (id, text) pair, or a
    mapping with "id" and "text"."""
    if isinstance(item, str):
        return None, item
    if isinstance(item, dict):
        return item.get("id"), item["text"]
    ident, text = item
    return ident, text


class Pipeline:
    """A chain of stages with their models loaded (once; shared by every
    thread).

    chain: "tokenize,sentence,..." (ALIAS=STAGE runs a stage under another
    name); options: {"STAGE.OPTION": value} as --set takes them; config: a
    config file (docs/cli.md); plugin_path: directories searched for stages
    first; language_mismatch: "warn", "run" or "fail"."""

    def __init__(self, chain=None, options=None, config=None, plugin_path=None,
                 language_mismatch=None):
        spec = _Nlpipe.ChainSpec.new()
        registry = _Nlpipe.Registry.new()
        try:
            if config is not None:
                spec.load_file(str(config))
            if chain is not None or config is None:
                spec.set_stages(chain or DEFAULT_CHAIN)
            for key, value in (options or {}).items():
                if isinstance(value, bool):
                    value = "true" if value else "false"
                spec.parse_set("%s=%s" % (key, value))
            if language_mismatch is not None:
                ok, policy = _Nlpipe.language_mismatch_from_string(language_mismatch)
                if not ok:
                    raise Error("language_mismatch %r: expected one of: warn, run, fail"
                                % language_mismatch, "usage")
                spec.set_language_mismatch(policy)
            for directory in reversed(list(plugin_path or [])):
                registry.prepend_path(str(directory))
            for directory in reversed(list(spec.get_plugin_path())):
                registry.add_config_path(directory)
            self._pipeline = _Nlpipe.Pipeline.new(registry, spec)
        except _GLib.Error as e:
            _raise(e)
        self._json = None
        self._idle = {}               # jobs -> [processors not in use]

    @property
    def stages(self):
        """The instance names of the chain, in order."""
        p = self._pipeline
        return [p.get_instance_name(i) for i in range(p.get_n_stages())]

    def __call__(self, text, id=None):
        """Runs the chain on text (a str): a Doc.  A stage failing raises
        Error with code "stage" and .stage naming it."""
        try:
            doc = self._pipeline.process_text(id, text.encode("utf-8"))
        except _GLib.Error as e:
            stage = None
            if e.message.startswith("stage '"):
                stage = e.message[7:e.message.find("'", 7)]
            _raise(e, stage)
        return Doc(self, doc, text)

    def pipe(self, texts, jobs=0, window=None):
        """Runs the chain over many texts on `jobs` threads (0: one per core),
        yielding a Doc for each in input order.  An item is a str, an
        (id, text) pair or a {"id", "text"} mapping.  A document a stage
        failed on is yielded too, with doc.error set (an Error): nothing is
        dropped.  At most `window` documents (default 64 per thread) are in
        flight, so memory stays flat however long the input."""
        processor = self._take_processor(jobs)
        window = window or 64 * processor.get_jobs()
        pending = _collections.deque()
        try:
            for item in texts:
                ident, text = _texts(item)
                processor.push_text(None if ident is None else str(ident),
                                    text.encode("utf-8"))
                pending.append(text)
                if len(pending) >= window:
                    yield Doc(self, processor.pop(), pending.popleft())
            while pending:
                yield Doc(self, processor.pop(), pending.popleft())
        finally:
            # a generator closed early: drain what is in flight, so the
            # processor can serve the next pipe() in order
            while processor.pop() is not None:
                pass
            self._idle.setdefault(jobs, []).append(processor)

    def _take_processor(self, jobs):
        """A processor with `jobs` threads not in use by another pipe():
        reused, so that threads and their per-thread stage state are made
        once, not per call."""
        idle = self._idle.get(jobs)
        if idle:
            return idle.pop()
        try:
            return _Nlpipe.Processor.new(self._pipeline, jobs)
        except _GLib.Error as e:
            _raise(e)

    def describe(self):
        """The stages of this chain as `nlpipe info --json` describes each."""
        p = self._pipeline
        return [_json.loads(p.get_stage(i).describe_json())
                for i in range(p.get_n_stages())]

    @property
    def _json_writer(self):
        if self._json is None:
            self._json = _Nlpipe.Writer.new("json", None)
        return self._json


class Span:
    """One row of a layer: .start and .end (code points), .text, and its
    columns by name (span["label"], span.get("score"))."""

    __slots__ = ("doc", "start", "end", "_row")

    def __init__(self, doc, row):
        self.doc = doc
        self.start = row["start"]
        self.end = row["end"]
        self._row = row

    @property
    def text(self):
        return self.doc.text[self.start:self.end]

    @property
    def label(self):
        return self._row.get("label")

    def __getitem__(self, column):
        return self._row[column]

    def get(self, column, default=None):
        return self._row.get(column, default)

    def keys(self):
        return [k for k in self._row if k not in ("start", "end")]

    def __repr__(self):
        label = self._row.get("label")
        return "<Span %d:%d %r%s>" % (self.start, self.end, self.text,
                                       " " + label if label else "")


class Layer:
    """A layer: a sequence of Spans; layer["COLUMN"] is that column's values,
    row by row (None where unset)."""

    def __init__(self, doc, name, rows):
        self.doc = doc
        self.name = name
        self._rows = rows

    def __len__(self):
        return len(self._rows)

    def __iter__(self):
        return (Span(self.doc, r) for r in self._rows)

    def __getitem__(self, key):
        if isinstance(key, str):
            return [r.get(key) for r in self._rows]
        if isinstance(key, slice):
            return [Span(self.doc, r) for r in self._rows[key]]
        return Span(self.doc, self._rows[key])

    @property
    def columns(self):
        return [k for k in (self._rows[0] if self._rows else {}) if k not in ("start", "end")]

    def __repr__(self):
        return "<Layer %s: %d rows>" % (self.name, len(self._rows))


class _Layers:
    """doc.layers: the document's layers by name, read when first touched."""

    def __init__(self, doc):
        self._doc = doc
        self._cache = {}

    def keys(self):
        d = self._doc._doc
        return [d.get_layer_at(i).get_name() for i in range(d.get_n_layers())]

    def __iter__(self):
        return iter(self.keys())

    def __len__(self):
        return self._doc._doc.get_n_layers()

    def __contains__(self, name):
        return self._doc._doc.get_layer(name) is not None

    def __getitem__(self, name):
        if name not in self._cache:
            text = _Nlpipe.Writer.layer_to_json(self._doc._doc, name, False)
            if text is None:
                raise KeyError(name)
            self._cache[name] = Layer(self._doc, name, _json.loads(text))
        return self._cache[name]

    def get(self, name, default=None):
        return self[name] if name in self else default

    def items(self):
        return [(k, self[k]) for k in self.keys()]

    def __repr__(self):
        return "<layers %s>" % ", ".join(self.keys())


class Doc:
    """A processed document: .text (the str you gave), .id, .layers,
    .tokens, .sentences, .entities, .attributes, .warnings, .error (None,
    or the Error of the stage that failed on it), .to_json()."""

    def __init__(self, pipeline, doc, text):
        self._pipeline = pipeline      # keeps the models alive
        self._doc = doc
        self.text = text
        self.layers = _Layers(self)

    @property
    def id(self):
        return self._doc.get_id()

    @property
    def error(self):
        message, stage = self._doc.get_error()
        return None if message is None else Error(message, "stage", stage)

    def _layer(self, name):
        return self.layers[name] if name in self.layers else Layer(self, name, [])

    @property
    def tokens(self):
        return self._layer("token")

    @property
    def sentences(self):
        return self._layer("sentence")

    @property
    def entities(self):
        return self._layer("entity")

    @property
    def attributes(self):
        """The document attributes (doc.NAME of every stage) as Python values."""
        d = self._doc
        out = {}
        for i in range(d.get_n_attrs()):
            t = d.get_attr_type(i)
            if t == _Nlpipe.ValueType.STRING:
                value = d.get_attr_string(i)
            elif t == _Nlpipe.ValueType.INT:
                value = d.get_attr_int(i)
            elif t == _Nlpipe.ValueType.DOUBLE:
                value = d.get_attr_double(i)
            else:
                value = _json.loads(d.get_attr_json_text(i)[0])
            out[d.get_attr_name(i)] = value
        return out

    @property
    def warnings(self):
        d = self._doc
        out = []
        for i in range(d.get_n_warnings()):
            message, stage, language = d.get_warning(i)
            out.append({"stage": stage, "language": language, "message": message})
        return out

    def to_json(self):
        """The object `nlpipe -f json` writes for this document, as a dict."""
        return _json.loads(self._pipeline._json_writer.format_to_string(self._doc, False))

    def format(self, format="text"):
        """The document as `nlpipe -f FORMAT` writes it (a str)."""
        try:
            writer = _Nlpipe.Writer.new(format, None)
        except _GLib.Error as e:
            _raise(e)
        return writer.format_to_string(self._doc, True)

    def __repr__(self):
        return "<Doc %r: %d chars, layers %s>" % (self.id, len(self.text),
                                                   ", ".join(self.layers.keys()))


def stages(plugin_path=None):
    """The installed stages, as `nlpipe list --json` lists them."""
    registry = _Nlpipe.Registry.new()
    for directory in reversed(list(plugin_path or [])):
        registry.prepend_path(str(directory))
    text, _broken = registry.describe_json()
    return _json.loads(text)


def info(name, plugin_path=None):
    """One stage, as `nlpipe info --json NAME` describes it."""
    registry = _Nlpipe.Registry.new()
    for directory in reversed(list(plugin_path or [])):
        registry.prepend_path(str(directory))
    try:
        stage = registry.load(name)
    except _GLib.Error as e:
        _raise(e)
    return _json.loads(stage.describe_json())
