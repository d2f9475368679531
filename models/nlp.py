"""The spaCy pipeline, built in exactly one place.

``load_nlp()`` prefers the trained Dutch pipelines when installed (``nl_core_news_lg`` →
``md`` → ``sm``) and otherwise builds the fallback: ``spacy.blank("nl")`` + sentencizer +
tokenizer exceptions for Dutch legal abbreviations + a simplemma lemmatizer. It returns
the pipeline and a :class:`Capabilities` record that every result stores, so a reader
always knows which pipeline produced a label or a flag and the UI can hide what the
pipeline cannot do (no POS or parse on the fallback).
"""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass
from importlib import resources

import simplemma
import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from models.lemmas import lemma

PREFERRED_MODELS = ("nl_core_news_lg", "nl_core_news_md", "nl_core_news_sm")


@dataclass(frozen=True, slots=True)
class Capabilities:
    pipeline: str  # e.g. "nl_core_news_lg" or "blank-nl+simplemma"
    version: str  # model version, or "spacy <v> / simplemma <v>" for the fallback
    lemmas: bool
    pos: bool
    parse: bool
    ner: bool
    vectors: bool

    @property
    def label(self) -> str:
        return f"{self.pipeline} {self.version}"

    def to_dict(self) -> dict:
        return asdict(self)

    def missing_nl(self) -> list[str]:
        """Dutch names of the features this pipeline lacks (for the 'over deze analyse' page)."""
        names = {"pos": "woordsoorten (POS)", "parse": "zinsontleding (dependency parse)",
                 "ner": "named entities", "vectors": "woordvectoren"}
        return [nl for key, nl in names.items() if not getattr(self, key)]


def abbreviations() -> list[str]:
    """Abbreviations from ``models/data/abbreviations.tsv`` (with capitalised variants)."""
    text = resources.files("models").joinpath("data/abbreviations.tsv").read_text(encoding="utf-8")
    out: list[str] = []
    for i, line in enumerate(text.splitlines()):
        if not line.strip() or line.startswith("#") or i == 0 and line.startswith("abbreviation"):
            continue
        abbr = line.split("\t", 1)[0].strip()
        if abbr == "abbreviation":
            continue
        out.append(abbr)
        cap = abbr[0].upper() + abbr[1:]
        if cap != abbr:
            out.append(cap)
    return sorted(set(out))


@Language.component("simplemma_lemmatizer", assigns=["token.lemma"])
def simplemma_lemmatizer(doc: Doc) -> Doc:
    """Dutch lemmas from simplemma (95% on UD Dutch, vs 88% for spaCy's lookup tables)."""
    for token in doc:
        if token.is_alpha:
            token.lemma_ = lemma(token.text)
        else:
            token.lemma_ = token.text.lower()
    return doc


def _add_abbreviations(nlp: Language) -> None:
    for abbr in abbreviations():
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])


def build_fallback() -> Language:
    nlp = spacy.blank("nl")
    _add_abbreviations(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("simplemma_lemmatizer")
    return nlp


@functools.lru_cache(maxsize=2)
def load_nlp(prefer: tuple[str, ...] = PREFERRED_MODELS, allow_models: bool = True) -> tuple[Language, Capabilities]:
    """The best installed Dutch pipeline and what it can do. Cached per process."""
    if allow_models:
        for name in prefer:
            try:
                nlp = spacy.load(name)
            except (OSError, ImportError):
                continue
            _add_abbreviations(nlp)
            caps = Capabilities(
                pipeline=name,
                version=nlp.meta.get("version", "?"),
                lemmas=True,
                pos="tagger" in nlp.pipe_names or "morphologizer" in nlp.pipe_names,
                parse="parser" in nlp.pipe_names,
                ner="ner" in nlp.pipe_names,
                vectors=bool(nlp.vocab.vectors.shape[0]),
            )
            return nlp, caps
    nlp = build_fallback()
    version = f"spacy {spacy.__version__} / simplemma {getattr(simplemma, '__version__', '?')}"
    caps = Capabilities("blank-nl+simplemma", version, lemmas=True, pos=False, parse=False,
                        ner=False, vectors=False)
    return nlp, caps
