"""Ambiguity detector for Dutch regulation text (taxonomy AMB-01 … AMB-16).

Public API::

    from models.ambiguity import analyse, registry, Flag, Severity

    report = analyse(doc)                  # doc: extract.document.Document (kind "regeling")
    report.flags                           # ranked list[Flag] (flag.py: quote + offsets, Dutch texts)
    report.per_1000_words()                # {"kritiek": .., "zorg": .., "suggestie": .., "info": .., "totaal": ..}
    report.counts()                        # type → severity → count
    report.competences                     # list[Competence]: actor → action → object, modality, conditions
    report.instruments                     # list[InstrumentCard]: adopters + bindingness per mention
    report.aliases                         # list[Alias]: organ names learned from the definitions
    report.delegations                     # list[Delegation]: the delegation ledger ("bestaat de uitwerking?")
    report.definitions                     # list[Definition]
    report.pipeline, report.detector_versions, report.stats, report.merged, report.warnings
    report.to_dict()                       # JSON-ready

    analyse(doc, detectors=["AMB-11"])     # a subset; unknown codes raise AmbiguityInputError (Dutch message)
    registry()                             # list[DetectorInfo(code, name, default_severity, rule, requires, version)]

Only the dispositief is analysed (``doc.dispositief()``); the aanhef, toelichting and
bijlagen are skipped. Everything runs on the fallback pipeline of ``models.nlp.load_nlp()``
(blank nl + sentencizer + simplemma lemmas); when a pipeline with POS tags is installed,
AMB-05 and AMB-15 also use the tags (see their module docstrings).

Layout: ``resources.py`` (structure index, definitions, organ registry, instrument
registry, competence table, delegation ledger), ``registry.py`` (``@detector``),
``runner.py`` (context adjustment, merging, ranking, cap per lid), one package per type
``ambNN_<name>/`` with its ``triggers.tsv``/``allow.tsv``, shared lexicons in ``data/``,
``sample.py`` (a Document from a plain-text sketch, for tests and examples).
"""

import importlib

from models.ambiguity.flag import Flag, Severity

# The detectors pull in spaCy; load them on first use so that importing the Flag record
# (reports, the store, every CLI start) stays cheap.
_LAZY = {
    "DetectorInfo": "registration", "registry": "registration",
    "Alias": "resources", "Competence": "resources", "Definition": "resources", "Delegation": "resources",
    "AmbiguityInputError": "runner", "AmbiguityReport": "runner", "InstrumentCard": "runner", "analyse": "runner",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'models.ambiguity' has no attribute {name!r}")
    return getattr(importlib.import_module(f"models.ambiguity.{module}"), name)


__all__ = [
    "Alias", "AmbiguityInputError", "AmbiguityReport", "Competence", "Definition", "Delegation", "DetectorInfo",
    "Flag", "InstrumentCard", "Severity", "analyse", "registry",
]
