"""Detector registration: each AMB type is one registered function (STYLE §6.1).

``@detector("AMB-01", name=..., requires=..., default_severity=..., rule=...)`` puts a
function ``(Resources) -> Iterable[Flag]`` in :data:`REGISTRY`. The runner, the CLI
listing and the app filter all read :func:`registry`. Detector packages live beside this
module as ``ambNN_<name>/`` and are imported by :func:`load_detectors`.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from models.ambiguity.flag import Flag, Severity
from models.ambiguity.lexicon import file_digest
from models.ambiguity.resources import PassageInfo, Resources

DetectorFn = Callable[[Resources], Iterable[Flag]]
HERE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class DetectorSpec:
    code: str  # "AMB-01"
    name: str  # Dutch name of the type
    func: DetectorFn
    requires: frozenset[str]  # resources it reads: structure, definitions, organs, instruments, competences, ...
    default_severity: Severity
    rule: str  # drafting rule / law article
    version: str
    folder: Path | None = None
    # Generic escalation/de-escalation by clause context applies (lexical detectors).
    context_adjust: bool = True
    data_files: tuple[Path, ...] = field(default=())
    # Whether the generic escalation may raise this flag (None: always). Time hedges and deliberate open
    # norms are interpretable whatever the clause confers, so their detectors opt out per flag.
    may_escalate: Callable[[Flag], bool] | None = None

    @property
    def full_version(self) -> str:
        """Code version + hash of the trigger data, so a changed lexicon shows up in results."""
        return f"{self.version}+{file_digest(*self.data_files)}" if self.data_files else self.version


@dataclass(frozen=True, slots=True)
class DetectorInfo:
    """What the CLI and the app list: code, Dutch name, default severity, rule."""

    code: str
    name: str
    default_severity: str
    rule: str
    requires: tuple[str, ...]
    version: str


REGISTRY: dict[str, DetectorSpec] = {}


def detector(code: str, *, name: str, requires: Iterable[str] = (), default_severity: Severity | str,
             rule: str, version: str = "1", context_adjust: bool = True,
             may_escalate: Callable[[Flag], bool] | None = None,
             binding_only: bool = False) -> Callable[[DetectorFn], DetectorFn]:
    """Register ``fn`` as the detector of AMB type ``code``.

    ``binding_only``: the findings concern who is bound or empowered; outside any artikel (considerans,
    toelichting, report prose) nothing binds anyone, so such a finding is capped at SUGGESTIE.
    """
    def wrap(fn: DetectorFn) -> DetectorFn:
        if binding_only:
            fn = _capped_outside_artikel(fn)
        if code in REGISTRY and REGISTRY[code].func.__module__ != fn.__module__:
            raise ValueError(f"detector {code} is al geregistreerd door {REGISTRY[code].func.__module__}")
        module = importlib.import_module(fn.__module__)
        folder = Path(module.__file__).resolve().parent if getattr(module, "__file__", None) else None
        data = tuple(sorted(folder.glob("*.tsv"))) if folder and folder != HERE else ()
        REGISTRY[code] = DetectorSpec(code, name, fn, frozenset(requires), Severity.parse(default_severity), rule,
                                      version, folder, context_adjust, data, may_escalate)
        return fn
    return wrap


OUTSIDE_ARTIKEL_NOTE = " (Tekst buiten een artikel: geen bepaling die iemand bindt; verlaagd.)"


def _capped_outside_artikel(fn: DetectorFn) -> DetectorFn:
    @functools.wraps(fn)
    def capped(res: Resources) -> Iterator[Flag]:
        for f in fn(res):
            if f.artikel is None and f.severity > Severity.SUGGESTIE:
                f = replace(f, severity=Severity.SUGGESTIE, explanation=f.explanation + OUTSIDE_ARTIKEL_NOTE)
            yield f
    return capped


def load_detectors() -> dict[str, DetectorSpec]:
    """Import every ``ambNN_*`` package once; returns the filled registry."""
    for mod in pkgutil.iter_modules([str(HERE)]):
        if mod.name.startswith("amb") and mod.name[3:5].isdigit():
            importlib.import_module(f"models.ambiguity.{mod.name}")
    return REGISTRY


def registry() -> list[DetectorInfo]:
    """The registered detectors in code order (for ``drechtlens detectors`` and the app filter)."""
    load_detectors()
    return [DetectorInfo(s.code, s.name, s.default_severity.nl, s.rule, tuple(sorted(s.requires)), s.full_version)
            for s in sorted(REGISTRY.values(), key=lambda s: s.code)]


def make_flag(code: str, pi: PassageInfo, start: int, end: int, *, explanation: str, question: str,
              suggestion: str = "", confidence: float = 0.6, severity: Severity | None = None,
              rule: str | None = None, subject: str = "") -> Flag:
    """A :class:`Flag` for ``pi.text[start:end]``; location fields come from the passage."""
    spec = REGISTRY[code]
    text = pi.passage.text
    # Trim whitespace so the quote is tidy and still exact.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    p = pi.passage
    return Flag(type=code, name=spec.name, severity=severity if severity is not None else spec.default_severity,
                confidence=round(max(0.05, min(confidence, 0.99)), 2), quote=text[start:end], start=start, end=end,
                explanation=explanation, rule=rule or spec.rule, question=question, suggestion=suggestion,
                passage_id=p.id, artikel=p.artikel, lid=p.lid, onderdeel=p.onderdeel, page=p.page_start,
                subject=subject)
