"""Cold-start seed model: transparent weighted indicator lexicons from the codebook.

Matching is lemma-based (simplemma via :func:`models.nlp.lemma`) and compound-aware: a
one-word term of at least ``compound_min_length`` letters also matches as the head or the
tail of a longer word ("woningbouwprogramma" → ``woningbouw``, "jeugdzorgaanbieder" →
``jeugdzorg``). Terms written with a trailing ``=`` in the codebook match whole words only
("gelijk=" must not fire on "mogelijk"). Where matches overlap, the longest term wins
("onderwijshuisvesting" counts for ruimtelijk-economisch, not also "onderwijs" for sociaal).

Edge rules from CODEBOOK.md implemented here (each one has a test):
- *who decides*: a short passage that only states which organ decides is ``bestuur``,
  whatever it is about;
- *finance*: generic finance words (begroting, budget, kosten) count for
  ``bedrijfsvoering`` only when no content domain fires: spending on a content task
  carries that task's domain;
- labour market supply vs demand, the safety split and school/sports buildings are
  lexicon decisions (re-integratie → sociaal, werkgelegenheid → ruimtelijk-economisch,
  openbare orde → bestuur, zorg en veiligheid → sociaal, schoolgebouw → ruimtelijk-economisch).
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from models.codebook import Codebook, load_codebook
from models.labels import Prediction
from models.lemmas import lemma

WORD = re.compile(r"[0-9a-zà-öø-ÿ&]+(?:[-'][0-9a-zà-öø-ÿ&]+)*", re.IGNORECASE)
DOMAIN_SCALE = 1.2  # p = 1 - exp(-score / scale): one strong term (2.0) gives 0.81
TENSION_SCALE = 1.5
SHORT_DECISION_WORDS = 30

# "Het algemeen bestuur stelt de begroting vast", "De raad besluit ...", "... is bevoegd ..."
ORGAN = (r"(?:algemeen bestuur|dagelijks bestuur|drechtraad|gemeenteraad|raad|college(?: van burgemeester"
         r" en wethouders)?|voorzitter|burgemeester|bestuurscommissie|colleges|raden)")
DECIDES = re.compile(
    rf"\b{ORGAN}\b[^.;]{{0,80}}?\b(?:stelt|stellen|besluit|besluiten|beslist|beslissen|benoemt|benoemen|"
    rf"keurt|keuren|wijst|wijzen|is bevoegd|zijn bevoegd|kan besluiten|kunnen besluiten|bepaalt|bepalen)\b"
    rf"|\b(?:stelt|stellen|besluit|beslist|benoemt|keurt|bepaalt)\b[^.;]{{0,20}}\b(?:het|de)\s+{ORGAN}\b",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Term:
    label: str  # domain code, or "field=A" / "field=B"
    text: str  # as written in the codebook (without "=")
    words: tuple[str, ...]  # lemmas of its words
    weight: float
    exact: bool
    finance: bool = False


@dataclass(frozen=True, slots=True)
class Match:
    label: str
    term: str
    weight: float
    start: int  # token span
    end: int
    surface: str


class SeedModel:
    """Lexicon scores → probabilities, with the matched terms as explanation."""

    producer = "seed"

    def __init__(self, codebook: Codebook | None = None) -> None:
        self.codebook = codebook or load_codebook()
        self.min_len = self.codebook.compound_min_length
        terms: list[_Term] = []
        for d in self.codebook.domains:
            terms += [self._term(d.code, t, w) for t, w in d.indicators.items()]
            terms += [self._term(d.code, t, w, finance=True) for t, w in d.finance_indicators.items()]
        for t in self.codebook.tensions:
            for key, pole in t.poles.items():
                terms += [self._term(f"{t.code}={key}", term, w) for term, w in pole.indicators.items()]
        self.single = [t for t in terms if len(t.words) == 1]
        self.multi = [t for t in terms if len(t.words) > 1]
        self._single_exact: dict[str, list[_Term]] = {}
        for t in self.single:
            self._single_exact.setdefault(t.words[0], []).append(t)
            self._single_exact.setdefault(t.text, []).append(t)
        # Compound candidates indexed by their first / last min_len letters, so a token is
        # only compared with terms that can be its head or tail.
        self._heads: dict[str, list[_Term]] = {}
        self._tails: dict[str, list[_Term]] = {}
        for t in self.single:
            if not t.exact and len(t.text) >= self.min_len:
                self._heads.setdefault(t.text[:self.min_len], []).append(t)
                self._tails.setdefault(t.text[-self.min_len:], []).append(t)
        self._multi_first: dict[str, list[_Term]] = {}
        for t in self.multi:
            self._multi_first.setdefault(t.words[0], []).append(t)
            first_written = WORD.findall(t.text)[0]
            if first_written != t.words[0]:
                self._multi_first.setdefault(first_written, []).append(t)

    @staticmethod
    def _term(label: str, text: str, weight: float, finance: bool = False) -> _Term:
        exact = text.endswith("=")
        text = text.rstrip("=").strip().lower()
        words = tuple(lemma(w) for w in WORD.findall(text)) or (text,)
        return _Term(label, text, words, weight, exact, finance)

    # -- matching ------------------------------------------------------------------
    @functools.lru_cache(maxsize=100_000)  # noqa: B019 - one model per process, bounded cache
    def _token_terms(self, token: str, lem: str) -> tuple[_Term, ...]:
        found = {id(t): t for t in self._single_exact.get(token, []) + self._single_exact.get(lem, [])}
        if token in self.codebook.not_compounds or lem in self.codebook.not_compounds:
            return tuple(found.values())
        plain = token.replace("-", "")
        for t in self._heads.get(plain[:self.min_len], []):
            if id(t) not in found and len(plain) > len(t.text) and plain.startswith(t.text):
                found[id(t)] = t
        for t in self._tails.get(plain[-self.min_len:], []):
            if id(t) not in found and len(plain) - len(t.text) >= 3 and plain.endswith(t.text):
                found[id(t)] = t
        return tuple(found.values())

    def matches(self, text: str) -> list[Match]:
        """All indicator matches in ``text``; overlapping shorter terms give way to longer ones."""
        tokens = [m.group(0).lower() for m in WORD.finditer(text)]
        lemmas = [lemma(t) for t in tokens]
        cands: list[Match] = []
        for i, (tok, lem) in enumerate(zip(tokens, lemmas, strict=True)):
            for t in self._token_terms(tok, lem):
                cands.append(Match(t.label + ("$" if t.finance else ""), t.text, t.weight, i, i + 1, tok))
        for i, (tok, lem) in enumerate(zip(tokens, lemmas, strict=True)):
            starting = self._multi_first.get(lem, []) + (self._multi_first.get(tok, []) if tok != lem else [])
            for t in dict.fromkeys(starting):
                n = len(t.words)
                if i + n <= len(tokens) and all(lemmas[i + k] == w or tokens[i + k] == w
                                                for k, w in enumerate(t.words)):
                    cands.append(Match(t.label + ("$" if t.finance else ""), t.text, t.weight, i, i + n,
                                       " ".join(tokens[i:i + n])))
        # Longest term wins where spans overlap, separately for domains and for tension
        # fields (independent dimensions); equal-length terms (the same term in several
        # labels) are all kept.
        cands.sort(key=lambda m: -len(m.term))
        kept: list[Match] = []
        for m in cands:
            kind = "=" in m.label
            if any(("=" in k.label) == kind and k.start < m.end and m.start < k.end and len(k.term) > len(m.term)
                   for k in kept):
                continue
            kept.append(m)
        return kept

    # -- scoring -------------------------------------------------------------------
    @staticmethod
    def _score(ms: list[Match]) -> tuple[float, list[tuple[str, float]]]:
        per_term: dict[str, tuple[float, int]] = {}
        for m in ms:
            w, c = per_term.get(m.term, (m.weight, 0))
            per_term[m.term] = (w, c + 1)
        contrib = {t: w * (1 + 0.3 * math.log(c)) for t, (w, c) in per_term.items()}
        ranked = sorted(contrib.items(), key=lambda kv: -kv[1])
        return sum(contrib.values()), ranked

    def predict_one(self, text: str) -> Prediction:
        ms = self.matches(text)
        by_label: dict[str, list[Match]] = {}
        for m in ms:
            by_label.setdefault(m.label, []).append(m)
        explanation: dict[str, list[tuple[str, float]]] = {}
        scores: dict[str, float] = {}
        for d in self.codebook.domain_codes:
            scores[d], explanation[d] = self._score(by_label.get(d, []))
        # Edge rule: generic finance words count for bedrijfsvoering only without content.
        content = max(scores["ruimtelijk-economisch"], scores["sociaal"]) if "sociaal" in scores else 0.0
        fin_score, fin_terms = self._score(by_label.get("bedrijfsvoering$", []))
        if fin_score and content < 1.0:
            scores["bedrijfsvoering"] += fin_score
            explanation["bedrijfsvoering"] = sorted(explanation["bedrijfsvoering"] + fin_terms,
                                                    key=lambda kv: -kv[1])
        domains = {d: 1 - math.exp(-s / DOMAIN_SCALE) for d, s in scores.items()}
        # Edge rule: a passage that only states who decides is bestuur, whatever it is about.
        if "bestuur" in domains and DECIDES.search(text):
            explanation["bestuur"] = [("regel: wie beslist", 2.0)] + explanation["bestuur"]
            if len(WORD.findall(text)) <= SHORT_DECISION_WORDS:
                domains = {d: (max(p, 0.9) if d == "bestuur" else min(p, 0.3)) for d, p in domains.items()}
            else:
                scores["bestuur"] += 1.0
                domains["bestuur"] = 1 - math.exp(-scores["bestuur"] / DOMAIN_SCALE)
        tensions: dict[str, float] = {}
        poles: dict[str, dict[str, float]] = {}
        for t in self.codebook.tension_codes:
            sa, ea = self._score(by_label.get(f"{t}=A", []))
            sb, eb = self._score(by_label.get(f"{t}=B", []))
            tensions[t] = 1 - math.exp(-(sa + sb) / TENSION_SCALE)
            explanation[f"{t}=A"], explanation[f"{t}=B"] = ea, eb
            explanation[t] = sorted(ea + eb, key=lambda kv: -kv[1])
            r = sa / (sa + sb) if sa + sb else 0.5
            raw = {"A": r * r, "B": (1 - r) ** 2, "beide": 2 * r * (1 - r)}
            total = sum(raw.values())
            poles[t] = {k: v / total for k, v in raw.items()}
        return Prediction(domains, tensions, poles, explanation, producer=self.producer)

    def predict(self, texts: list[str]) -> list[Prediction]:
        return [self.predict_one(t) for t in texts]
