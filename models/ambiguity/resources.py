"""Shared document resources, built once per document (research note §3.0).

:func:`build_resources` turns a regulation :class:`~extract.document.Document` into the
tables every detector reads: tokens and sentences per passage (from ``load_nlp()``), the
structure index, the definitions table, the organ registry with aliases learned from the
definitions, instrument mentions with their bindingness level, the competence table
(actor → action → object) and the delegation ledger. Detectors never re-parse text; they
read these tables and the passage text, so offsets always point into ``passage.text``.

All of it works on the fallback pipeline (blank nl + simplemma lemmas). When the pipeline
has POS tags (``caps.pos``), tokens carry them and a few heuristics use them (verb/noun
disambiguation of "besluit", pronoun detection); without POS the same heuristics use
determiner context instead.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field

from extract.document import Document, Passage
from models.ambiguity.lexicon import shared_table
from models.nlp import Capabilities, load_nlp

WORD_RE = re.compile(r"\w+(?:[-']\w+)*", re.UNICODE)

# -- lexicons shared by several detectors --------------------------------------------
ORGAN_COLUMNS = ("name", "key", "level", "role", "number", "gender", "source")
VERB_COLUMNS = ("verb", "class", "source")
INSTRUMENT_COLUMNS = ("head", "kind", "source")

ADOPTION_CLASSES = {"adoption", "decision"}
PARTICLES = ("vast", "goed", "aan", "op", "in", "uit", "voor", "over", "toe", "bekend", "mee", "af", "na",
             "terug", "bij")
# Words that may follow a separable particle at the end of its clause ("stelt … vast in het jaar …").
PARTICLE_FOLLOWERS = {"en", "of", "indien", "nadat", "als", "voor", "tenzij", "met", "na", "in", "op", "binnen",
                      "uiterlijk", "bij", "onder", "overeenkomstig", "conform", "zodra", "wanneer", "voordat",
                      "volgens", "ten", "vóór", "naar", "krachtens", "ingevolge", "per", "aan", "door"}
DETERMINERS = {"de", "het", "een", "dit", "dat", "deze", "die", "zijn", "haar", "hun", "elk", "ieder", "elke",
               "iedere", "welk", "welke", "geen"}
# Prepositions before an organ name that rule it out as the acting subject.
NON_SUBJECT_PREPS = {"aan", "van", "met", "bij", "tot", "namens", "voor", "op", "over", "tegen", "door", "uit",
                     "onder", "jegens", "na", "zonder", "dan", "binnen", "in", "tussen", "vanwege", "per", "om"}
OBJECT_STOP = {"van", "voor", "over", "door", "naar", "tegen", "onder", "tussen", "zijn", "haar", "hun", "deze", "die",
               "dat", "wordt", "worden", "kan", "kunnen", "welke", "andere", "overige", "zich", "niet", "jaar"}
WORDEN = {"wordt", "worden", "werd", "werden", "geworden"}
ORGAN_HEADS = ("bestuur", "raad", "college", "commissie", "regio", "lichaam", "orgaan", "directie", "directeur",
               "griffie", "griffier", "secretaris", "voorzitter")
# Nouns simplemma reads as verbs (research §2.E: leden → lijden).
NOUN_STOPLIST = {"leden", "lid", "gebieden", "gebied", "besluit", "besluiten", "voorstel", "voorstellen",
                 "regelingen", "bestuur", "gemeenten", "kosten", "middelen", "belangen", "stukken", "gegevens",
                 "werkzaamheden", "bevoegdheden", "taken", "stemmen", "vergaderingen", "wethouders", "staten"}

# A formal law or Crown regulation: "Wet van 20 december 1984, …", "Provinciewet", "Burgerlijk Wetboek", and the
# royal aanhef "Wij Beatrix, bij de gratie Gods, Koningin der Nederlanden".
LAW_TITLE_RE = re.compile(r"^\S*wet(?:boek)?\b", re.I)
ROYAL_AANHEF_RE = re.compile(r"\bbij\s+de\s+gratie\s+Gods\b", re.I)
GR_RE = re.compile(r"gemeenschappelijke\s+regeling|Wet\s+gemeenschappelijke\s+regelingen|\bWgr\b|openbaar\s+lichaam"
                   r"|centrumregeling|bedrijfsvoeringsorganisatie", re.I)
# The agent named through the instrument it acts by: "bij algemene maatregel van bestuur" (the Crown), "bij
# ministeriële regeling" (the minister), "bij koninklijk besluit", "bij wet" (the legislator), "bij verordening".
AGENT_INSTRUMENT_RE = re.compile(r"\bbij\s+(?:of\s+krachtens\s+)?(?:de\s+|een\s+)?(?:\w*wet|algemene\s+maatregel\s+van\s+"
                                 r"bestuur|ministeriële\s+regeling|koninklijk\s+besluit|(?:provinciale\s+)?verordening"
                                 r"|besluit\s+van\s+de\s+raad|raadsbesluit|regeling\s+van\s+Onze\s+Minister"
                                 r"|wettelijk\s+voorschrift)\b"
                                 # "In de (gemeenschappelijke) regeling kan worden bepaald …": those who make that
                                 # regeling or verordening decide (a law speaking of the instruments made under it)
                                 r"|^\s*(?:in|bij)\s+(?:de|die|een)\s+(?:gemeenschappelijke\s+)?(?:regeling|verordening"
                                 r"|reglement)\b", re.I)
# Lid ordinals as references write them ("het derde lid") and their numbers.
ORDINALS = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende",
            "elfde", "twaalfde", "dertiende", "veertiende", "vijftiende", "zestiende", "zeventiende", "achttiende",
            "negentiende", "twintigste")
ORD_NUM = {w: str(i) for i, w in enumerate(ORDINALS, start=1)}
CONJUNCTIONS = {"indien", "mits", "tenzij", "zodra", "nadat", "voordat", "wanneer"}
# Public actors outside the organ registry (round 9: the bodies of national law): a definite noun phrase whose head
# names an authority, court, agency or office, or a capitalised name / acronym ("de Dienst Toeslagen", "het CIZ").
# Not the things that merely end like one: "de voorraad", "het beraad", "de leidraad", "de eredienst".
ACTOR_HEADS = (r"(?:[a-z]*orgaan|[a-z]*rechter|[a-z]*bank|[a-z]*kantoor|[a-z]*-?uitvoerders?|[a-z]*instituut"
               r"|[a-z]*autoriteit|(?!(?:gods|ere|krijgs)dienst)[a-z]*dienst|[a-z]*stembureaus?|[a-z]*commissie"
               r"|(?![a-z]*(?:voorraad|beraad|huisraad|draad)\b)[a-z]*raad|college|inspecteur"
               r"|ombudsman|[a-z]*aanbieders?|[a-z]*verzekeraars?|ontvanger|belastingdienst|kiesraad)")
ACTOR_NP_RE = re.compile(rf"\b(?:de|het|De|Het|Onze)\s+(?P<np>(?:(?:[A-Za-z]+e|centraal)\s+)?{ACTOR_HEADS}\b"
                         r"|[A-Z][a-z]*(?:dienst|bank|raad|instituut|autoriteit|kantoor)\b"
                         r"|[A-Z][a-z]+(?:[- ][A-Z][\w-]+)+|[A-Z]{2,}[\w-]*|[A-Z][a-z]+-[a-z]+|Minister(?:\s+van\s+[A-Z]\w+)?)")
# "naar het oordeel van X", "op grond van een aanwijzing van Onze Minister": X decides, though after "van".
DECIDES_OF_RE = re.compile(r"\b(?:oordeel|beoordeling|aanwijzing|besluit|beschikking|opdracht|beslissing|last)\s+van\s+"
                           r"(?:de\s+|het\s+|Onze\s+)?$", re.I)
# Round 11 (AMB-01, runner): who can apply an open norm. Any public body the text names, in ANY role (subject,
# agent, addressee, forum: "beroep bij de bestuursrechter", "aan een toezichthouder", "de andere betrokken
# bestuursorganen", "de in het eerste lid bedoelde ambtenaren"). Wider than named_actors, which asks who ACTS and
# leaves recipients out: the body that receives, hears or reviews is the one that applies the clause's norm.
# Not "bevoegd gezag" (an undefined role name, no body) and not territorial "gemeente"/"provincie".
PUBLIC_BODY_RE = re.compile(
    r"(?i:\b(?:\w*orga(?:an|nen)|\w*rechters?|\w*toezichthouders?|\w*ambtena(?:ar|ren)|\w*inspecteurs?|inspecties?"
    r"|\w*archivaris(?:sen)?"
    r"|\w*bestu(?:ur|ren)|ministers?|staatssecretaris(?:sen)?|burgemeesters?|wethouders?|colleges?"
    r"|(?:gemeente|kies|advies)?ra(?:ad|den)|\w*commissies?|\w*stembureaus?|\w*uitvoerders?|ombudsman|regering)\b)"
    r"|\b(?:Staten(?:-Generaal)?|Kamers?|Kroon)\b")
# An amendment instruction: the amending text performs the change itself, and what it quotes or inserts belongs to
# the amended regulation ("Artikel 76 wordt als volgt gewijzigd", "Na artikel 21 worden twee artikelen ingevoegd,
# luidende:", "komt te luiden:", "wordt «…» vervangen door", "wordt vernummerd tot").
AMENDMENT_RE = re.compile(r"\bwordt\s+als\s+volgt\s+gewijzigd\b|\b(?:wordt|worden)\s+(?:\w+\s+){0,6}?(?:ingevoegd|toegevoegd)"
                          r"\s*,?\s*luidende\b|\b(?:komt|komen)\s+te\s+luiden\b|»\s+vervangen\s+door\b"
                          r"|\b(?:wordt|worden)\s+vernummerd\b", re.I)
RECIPIENT_BEFORE_RE = re.compile(r"\b(?:aan|bij|tot|van|voor|met|over|naar|jegens|tegen|uit)\s+(?:de|het|Onze)?\s*$", re.I)
# "…" = a gap of up to six words ("houdt zoveel mogelijk rekening met").
BINDING_LEVELS: dict[str, tuple[str, ...]] = {
    "L3": ("is gebonden aan", "zijn gebonden aan", "handelt overeenkomstig", "handelen overeenkomstig",
           "handelt conform", "handelen conform", "overeenkomstig", "conform", "past … toe", "passen … toe",
           "is bindend", "zijn bindend",
           "voert … uit", "voeren … uit", "is verplicht tot", "zijn verplicht tot", "ter uitvoering van"),
    "L2": ("neemt … in acht", "nemen … in acht", "met inachtneming van", "binnen het kader van",
           "binnen de kaders van", "past binnen", "passen binnen", "in overeenstemming met", "is kaderstellend",
           "zijn kaderstellend"),
    "L1": ("houdt … rekening met", "houden … rekening met", "rekening houdend met", "betrekt … bij",
           "betrekken … bij", "neemt … in overweging", "laat zich leiden door", "gaat uit van", "gaan uit van",
           "is richtinggevend", "zijn richtinggevend", "is sturend", "zijn sturend"),
    "L0": ("streeft naar", "streven naar", "bevordert", "bevorderen", "ter informatie", "kennisnemen van",
           "kennis nemen van", "neemt kennis van"),
}
LEVEL_NL = {"L3": "bindend", "L2": "in acht te nemen", "L1": "rekening mee te houden", "L0": "streven/informatie",
            "L?": "onbepaald"}

CONDITION_RE = re.compile(
    r"\b(indien|wanneer|voor ?zover|tenzij|behoudens|mits|ingeval|in geval|als(?!\s+bedoeld|\s+genoemd|\s+omschreven"
    r"|\s+vermeld|\s+lid|\s+voorzitter|\s+secretaris))\b", re.IGNORECASE)
CODECISION = [  # (regex, strength) from weak to strong (research AMB-04)
    (re.compile(r"\b(gehoord|na advies van|op advies van|de zienswijze(?:n)? van)\b", re.I), "advies"),
    (re.compile(r"\b(in overleg met|in samenspraak met|na overleg met)\b", re.I), "overleg"),
    (re.compile(r"\b(in overeenstemming met|met instemming van|na goedkeuring van|met goedkeuring van)\b", re.I),
     "instemming"),
    (re.compile(r"\b(gezamenlijk|gezamenlijke)\b", re.I), "gezamenlijk"),
]
NUMBER_RE = re.compile(
    r"\b(\d+|één|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|twintig"
    r"|dertig|zestig|negentig)\s+(dagen|dag|weken|week|maanden|maand|jaar|jaren|werkdagen)\b"
    r"|\buiterlijk\b|\bvóór\s+\d|\bvoor\s+1\s+\w+|\b\d{1,2}\s+(januari|februari|maart|april|mei|juni|juli|augustus"
    r"|september|oktober|november|december)\b|\bjaarlijks\b|\b\d+\s*%|\bprocent\b|\bmeerderheid\b", re.IGNORECASE)
DECIDER_RE = re.compile(r"\b(naar het oordeel van|ter beoordeling van|beslist|oordeelt|stelt vast dat|acht)\b",
                        re.IGNORECASE)
POWER_DUTY_RE = re.compile(r"\b(is|zijn) (bevoegd|belast|verplicht|gehouden)\b|\bdraagt(?:en)? zorg\b"
                           r"|\bne(?:e)?m(?:t|en)\s+(?:\w+\s+){0,3}?besluit", re.I)
TASK_HEADING_RE = re.compile(r"taak|taken|bevoegdhe|belang|doel", re.IGNORECASE)
VERSION_RE = re.compile(r"\b(19|20)\d\d\b|\bd\.d\.|\bvastgesteld (?:op|bij besluit)|\bversie\b|\bnr\.|\bnummer\b",
                        re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Tok:
    text: str
    lower: str
    lemma: str  # simplemma lemma; separable verbs joined without "_" ("vaststellen")
    start: int  # offsets into passage.text
    end: int
    pos: str = ""  # only with a POS-capable pipeline
    sent: int = 0  # index into PassageInfo.sentences


@dataclass(slots=True)
class PassageInfo:
    passage: Passage
    tokens: list[Tok]
    sentences: list[tuple[int, int]]  # (start, end) offsets into passage.text
    index: int  # position within Resources.passages

    @property
    def text(self) -> str:
        return self.passage.text

    def sentence_of(self, offset: int) -> tuple[int, int]:
        for s, e in self.sentences:
            if s <= offset < e:
                return s, e
        return (0, len(self.passage.text))

    def sentence_text(self, offset: int) -> str:
        s, e = self.sentence_of(offset)
        return self.passage.text[s:e]

    def tokens_in(self, start: int, end: int) -> list[Tok]:
        return [t for t in self.tokens if t.start >= start and t.end <= end]


@dataclass(slots=True)
class StructureIndex:
    """artikel → lid → onderdelen, plus the heading of each artikel (dispositief only)."""

    artikelen: dict[str, dict[str, set[str]]] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)

    def has(self, artikel: str, lid: str | None = None, onderdeel: str | None = None) -> bool:
        leden = self.artikelen.get(artikel)
        if leden is None:
            return False
        if lid is None:
            return onderdeel is None or any(onderdeel in o for o in leden.values())
        if lid not in leden:
            # An artikel without numbered leden has a single implicit first lid.
            return lid == "1" and not [k for k in leden if k] and onderdeel is None
        return onderdeel is None or onderdeel in leden[lid]

    def is_task_article(self, artikel: str | None) -> bool:
        return bool(artikel) and bool(TASK_HEADING_RE.search(self.headings.get(artikel or "", "")))


@dataclass(frozen=True, slots=True)
class Definition:
    term: str  # as written, without determiner ("woonvisie", "Drechtraad")
    definiens: str
    passage_id: str
    term_start: int
    term_end: int
    def_start: int
    def_end: int
    kind: str  # "lijst" (begripsbepaling) | "inline" ("(hierna: …)")
    artikel: str | None = None


@dataclass(frozen=True, slots=True)
class Organ:
    key: str
    level: str  # GR | gemeente | provincie | rijk | onbekend
    role: str
    plural: bool
    gender: str  # "de" | "het" | "hij" (a person)
    source: str  # "Wgr art. 12", "definitie artikel 1", ...
    defined: bool = False


@dataclass(frozen=True, slots=True)
class Alias:
    name: str  # surface form, lower case
    key: str  # organ key it stands for
    source: str  # "seed" or the location of the definition


@dataclass(frozen=True, slots=True)
class Mention:
    passage_id: str
    start: int
    end: int
    text: str
    key: str  # organ key or instrument name


@dataclass(slots=True)
class InstrumentMention:
    passage_id: str
    start: int
    end: int
    text: str
    name: str  # lower-case compound, e.g. "woonvisie"
    kind: str  # beleid | financieel | regel | afspraak
    level: str  # L0..L3 or "L?"
    level_phrase: str
    decision_test: bool  # used as a test for decisions ("past binnen", "binnen het kader van")
    versioned: bool
    adopters: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Competence:
    actor: str | None  # organ key, or None when no actor is named
    actor_text: str
    level: str
    action: str  # infinitive, e.g. "vaststellen"
    action_class: str
    object: str  # head noun, lower case ("begroting", "woonvisie"); "" when not found
    modality: str  # plicht | bevoegdheid | moet/dient | zal | mag
    passive: bool
    recipient: str | None
    conditions: tuple[str, ...]
    codecision: str  # "" | advies | overleg | instemming | gezamenlijk
    passage_id: str
    artikel: str | None
    lid: str | None
    start: int  # the verb, offsets into the passage text
    end: int
    sentence: tuple[int, int]

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(frozen=True, slots=True)
class Delegation:
    kind: str  # nadere regels | delegatie | mandaat | machtiging | nader te bepalen | opdragen | overdracht
    delegans: str | None
    recipient: str | None
    subject: str  # the subject-matter limiter ("omtrent de vergoeding"), "" when absent
    passage_id: str
    artikel: str | None
    lid: str | None
    start: int
    end: int
    quote: str
    made: str = "onbekend"  # whether the further rules exist; a reviewer ticks this off

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__}


@dataclass(slots=True)
class Resources:
    doc: Document
    caps: Capabilities
    passages: list[PassageInfo]
    by_id: dict[str, PassageInfo]
    structure: StructureIndex
    definitions: list[Definition]
    organs: dict[str, Organ]
    aliases: list[Alias]
    organ_names: dict[str, str]  # surface (lower) → key
    organ_mentions: dict[str, list[Mention]]  # passage id → mentions
    instruments: list[InstrumentMention]
    competences: list[Competence]
    delegations: list[Delegation]
    verbs: dict[str, str]  # infinitive → class
    words: int
    _def_ids: set[str] | None = None
    _comp_index: dict[str, list[Competence]] | None = None
    _art_index: dict[str | None, list[PassageInfo]] | None = None
    _actor_index: dict[str, list[tuple[int, Mention]]] | None = None  # passage id → (match start, actor)

    # -- helpers used by detectors ----------------------------------------------
    def artikel_passages(self, artikel: str | None) -> list[PassageInfo]:
        if self._art_index is None:
            self._art_index = defaultdict(list)
            for pi in self.passages:
                self._art_index[pi.passage.artikel].append(pi)
        return self._art_index.get(artikel, [])

    def is_definition_passage(self, pi: PassageInfo) -> bool:
        if self._def_ids is None:
            self._def_ids = {d.passage_id for d in self.definitions if d.kind == "lijst"} | {
                p.passage.id for p in self.passages if DEF_LEADIN_RE.search(p.text)}
        return pi.passage.id in self._def_ids

    def competence_clause(self, pi: PassageInfo, offset: int) -> bool:
        """True when the sentence at ``offset`` confers a power or imposes a duty on an organ."""
        s, e = pi.sentence_of(offset)
        if POWER_DUTY_RE.search(pi.text[s:e]):
            return True
        return any(c.action_class in ADOPTION_CLASSES | {"delegation", "executive"}
                   for c in self.competences_in(pi, (s, e)))

    def organs_named_in_artikel(self, pi: PassageInfo, outside: tuple[int, int] | None = None) -> set[str]:
        """Organ keys mentioned anywhere in ``pi``'s artikel, leaving out the span ``outside`` of ``pi``.

        A reader who meets an agentless act looks for the organs the article names; a mention inside the
        clause itself is usually the act's object or recipient ("de secretaris wordt benoemd"), not its agent.
        Without an artikel (loose text) only the passage itself counts."""
        art = pi.passage.artikel
        scope = self.artikel_passages(art) if art is not None else [pi]
        out = set()
        for q in scope:
            for m in self.organ_mentions.get(q.passage.id, []):
                if outside and q is pi and m.start >= outside[0] and m.end <= outside[1]:
                    continue
                out.add(m.key)
        return out

    def named_actors(self, pi: PassageInfo, start: int, end: int) -> list[Mention]:
        """Registered organ mentions plus public actors the registry does not know, in ``pi.text[start:end]``:
        the bodies of national law ("het bestuursorgaan", "de bestuursrechter", "de Dienst Toeslagen", "het CIZ",
        "de Sociale verzekeringsbank", "de Wlz-uitvoerder", "het centraal stembureau"). A mention right after
        "aan", "bij", "tot", "van", … is a recipient or owner, not an actor, and is left out. Callers decide
        which positions count (subject, fronted clause, agent)."""
        if self._actor_index is None:
            self._actor_index = {}
        found = self._actor_index.get(pi.passage.id)
        if found is None:  # the whole passage once; detectors ask for many spans of it
            found = self._actor_index[pi.passage.id] = self._actors_of(pi)
        return [m for pos, m in found if pos >= start and m.end <= end]

    def _actors_of(self, pi: PassageInfo) -> list[tuple[int, Mention]]:
        def recipient(pos: int) -> bool:
            before = pi.text[max(0, pos - 40):pos]
            return bool(RECIPIENT_BEFORE_RE.search(before[-14:])) and not DECIDES_OF_RE.search(before)

        mentions = self.organ_mentions.get(pi.passage.id, [])
        out = [(m.start, m) for m in mentions if not recipient(m.start)]
        for m in ACTOR_NP_RE.finditer(pi.text):
            s0 = m.start("np")
            if any(k.start <= s0 < k.end for k in mentions) or recipient(m.start()):
                continue
            out.append((m.start(), Mention(pi.passage.id, s0, m.end("np"), m.group("np"), m.group("np").lower())))
        return sorted(out, key=lambda x: x[1].start)

    def lid_passages_before(self, pi: PassageInfo) -> list[PassageInfo]:
        """The passages before ``pi`` in its lid, nearest first (its lead-in and the list items before it)."""
        out = []
        for q in reversed(self.passages[max(0, pi.index - 12):pi.index]):
            if q.passage.artikel != pi.passage.artikel or q.passage.lid != pi.passage.lid:
                break
            out.append(q)
        return out

    def actor_named_in_lid(self, pi: PassageInfo) -> bool:
        """Some organ or public actor is named in ``pi``'s lid (all its passages: a task list's lead-in too)."""
        p = pi.passage
        scope = [q for q in self.artikel_passages(p.artikel) if q.passage.lid == p.lid] if p.lid else [pi]
        return any(self.named_actors(q, 0, len(q.text)) for q in scope or [pi])

    def actor_named_in_artikel(self, pi: PassageInfo) -> bool:
        """Some organ or public actor is named anywhere in ``pi``'s artikel (the one who applies its norms)."""
        art = pi.passage.artikel
        scope = self.artikel_passages(art) if art is not None else [pi]
        return any(self.named_actors(q, 0, len(q.text)) for q in scope)

    def public_body_named(self, pi: PassageInfo, scope: str = "artikel") -> bool:
        """Some public body is named, in any role, in ``pi``'s lid or artikel (``scope``): a registered organ, an
        actor of national law (``ACTOR_NP_RE``) or a body noun (``PUBLIC_BODY_RE``). Loose text counts on its own."""
        p = pi.passage
        if scope == "lid":
            scope_pis = [q for q in self.artikel_passages(p.artikel) if q.passage.lid == p.lid] if p.lid else [pi]
        else:
            scope_pis = self.artikel_passages(p.artikel) if p.artikel is not None else [pi]
        return any(self.organ_mentions.get(q.passage.id) or PUBLIC_BODY_RE.search(q.text) or ACTOR_NP_RE.search(q.text)
                   for q in scope_pis or [pi])

    def organs_in_document(self) -> set[str]:
        """Every organ key mentioned in the dispositief. One organ only (a verordening of the college) means
        every act, power and judgement in the text is that organ's: agent and assessor are knowable."""
        return {m.key for ms in self.organ_mentions.values() for m in ms}

    def is_national_law(self) -> bool:
        """The text is a formal law or other Crown regulation (Wet, AMvB): its title starts with "Wet"/"Rijkswet",
        names a wet(boek), or its aanhef is the royal formula ("Wij …, bij de gratie Gods"). Such a text may
        mention a gemeenschappelijke regeling, its AB and DB and delegate powers, but it is no GR: its
        delegations are bounded by the law itself and the Wgr checklist does not bind it."""
        title = (self.doc.title or "").strip()
        if LAW_TITLE_RE.search(title):
            return True
        # The royal formula opens the aanhef; a Kamerstuk prints chamber, session year and dossier above it.
        head = [p.text for p in self.doc.passages[:12] if p.part == "aanhef"] or [p.text for p in self.doc.passages[:4]]
        return any(ROYAL_AANHEF_RE.search(t) for t in head)

    def is_gemeenschappelijke_regeling(self) -> bool:
        """The text is a gemeenschappelijke regeling (Wgr): it has the Wgr organs (algemeen and dagelijks
        bestuur) and speaks of a gemeenschappelijke regeling or an openbaar lichaam. A municipal verordening
        or beleidsregel (college, raad) is not one, nor is a law that merely mentions one (Wgr, Provinciewet),
        so the Wgr checklist (AMB-16) does not apply to them."""
        if self.is_national_law():
            return False
        if not {"algemeen bestuur", "dagelijks bestuur"} <= self.organs_in_document():
            return False
        return bool(GR_RE.search(self.doc.title or "")) or any(GR_RE.search(pi.text) for pi in self.passages)

    def organs_named_in_lid(self, pi: PassageInfo, outside: tuple[int, int] | None = None) -> set[str]:
        """Organ keys mentioned in ``pi``'s lid (all its passages: lead-in and onderdelen), leaving out the span
        ``outside`` of ``pi``; a passage without a lid counts on its own."""
        p = pi.passage
        scope = [q for q in self.artikel_passages(p.artikel) if q.passage.lid == p.lid] if p.lid else [pi]
        out = set()
        for q in scope or [pi]:
            for m in self.organ_mentions.get(q.passage.id, []):
                if outside and q is pi and m.start >= outside[0] and m.end <= outside[1]:
                    continue
                out.add(m.key)
        return out

    def actor_of_action(self, pi: PassageInfo, verb: str) -> str | None:
        """The organ that performs ``verb`` elsewhere in the same artikel, actively ("de raden wijzen … aan")
        or as the named agent of a passive ("wordt door het algemeen bestuur aangewezen")."""
        want = verb.replace("_", "")
        art = pi.passage.artikel
        if not art:
            return None
        for c in self.competences:
            if c.artikel == art and c.actor and c.action.replace("_", "") == want:
                return c.actor
        return None

    def organ_acts_on(self, name: str) -> bool:
        """An organ adopts, draws up or otherwise acts on the object ``name`` somewhere in the text: in the
        competence table, or as one of the listed objects of "<orgaan> stelt …, … en … op/vast"."""
        low = name.lower()
        if any(c.actor and c.object and (c.object == low or low.endswith(c.object) and len(c.object) > 3)
               for c in self.competences):
            return True
        rx = re.compile(rf"\b(?:stelt|stellen)\b(?P<objs>[^.;]*?\b{re.escape(low)}\b[^.;]*?)\b(?:op|vast)\b", re.I)
        for pi in self.passages:
            if low not in pi.text.lower():
                continue
            for m in rx.finditer(pi.text):
                s, _e = pi.sentence_of(m.start())
                if self.mentions_in(pi, s, m.start()) and not re.search(
                        rf"\b(?:van|voor|bij|uit)\s+(?:de|het|een)?\s*\w*{re.escape(low)}\b", m.group("objs"), re.I):
                    return True
        return False

    def competences_in(self, pi: PassageInfo, sentence: tuple[int, int] | None = None) -> list[Competence]:
        """Competences of one passage (or one sentence of it), from a lazily built index."""
        if self._comp_index is None:
            self._comp_index = defaultdict(list)
            for c in self.competences:
                self._comp_index[c.passage_id].append(c)
        cs = self._comp_index.get(pi.passage.id, [])
        return cs if sentence is None else [c for c in cs if c.sentence == sentence]

    def mentions_in(self, pi: PassageInfo, start: int, end: int) -> list[Mention]:
        return [m for m in self.organ_mentions.get(pi.passage.id, []) if m.start >= start and m.end <= end]

    def organ(self, key: str | None) -> Organ | None:
        return self.organs.get(key or "")


DEF_LEADIN_RE = re.compile(r"wordt\s+(?:mede\s+)?(?:in\s+deze\s+\w+\s+)?verstaan\s+onder", re.IGNORECASE)
DEF_ITEM_RE = re.compile(
    r"(?:^|(?<=[;:\n])|(?<=;\s)|(?<=:\s))\s*(?:[a-z]{1,2}\.|\d+°|[a-z]{1,2}\))?\s*\*?"
    r"(?P<term>[^:;\n*]{1,80}?)\*?\s*:\s*\*?\s*(?P<def>[^;\n]+?)\s*(?=;|\n|\.?\s*$|\s[a-z]{1,2}\.\s*\*)",
    re.IGNORECASE)
INLINE_DEF_RE = re.compile(
    r"\((?:hierna|verder|hierna te noemen|verder te noemen|ook te noemen)\s*:?\s*(?P<term>[^)]{1,60})\)"
    r"|,\s*(?:hierna|verder|ook)\s+te\s+noemen\s*:?\s*(?P<term2>[^,.;]{1,60})", re.IGNORECASE)
DETERMINER_PREFIX_RE = re.compile(r"^(?:de|het|een|the)\s+", re.IGNORECASE)


# -- builders ------------------------------------------------------------------------
def _tokens(nlp, passages: list[Passage], caps: Capabilities) -> list[tuple[list[Tok], list[tuple[int, int]]]]:
    out = []
    for p, sdoc in zip(passages, nlp.pipe([p.text for p in passages], batch_size=64), strict=True):
        text = p.text  # Doc.text re-joins all tokens on every access
        # One pass over the tokens (Doc.sents is slow on long passages).
        starts = [t.idx for t in sdoc if t.is_sent_start and t.i > 0]
        bounds = [0] + starts + [len(text)]
        sents = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]
        # Split further on ";" (each list item or clause is its own unit for our rules).
        split: list[tuple[int, int]] = []
        for s, e in sents:
            cur = s
            for m in re.finditer(r";", text[s:e]):
                split.append((cur, s + m.end()))
                cur = s + m.end()
            split.append((cur, e))
        sents = [(s, e) for s, e in split if text[s:e].strip()] or [(0, len(text))]
        toks = []
        si = 0
        for t in sdoc:
            if t.is_space:
                continue
            while si < len(sents) - 1 and t.idx >= sents[si][1]:
                si += 1
            toks.append(Tok(t.text, t.text.lower(), t.lemma_.replace("_", "").lower() or t.text.lower(), t.idx,
                            t.idx + len(t.text), t.pos_ if caps.pos else "", si))
        out.append((toks, sents))
    return out


def build_structure(passages: list[Passage]) -> StructureIndex:
    idx = StructureIndex()
    for p in passages:
        a = p.artikel
        if a is None:
            continue
        if a not in idx.artikelen:
            idx.artikelen[a] = {}
            idx.order.append(a)
        if p.heading and a not in idx.headings:
            idx.headings[a] = p.heading
        lid = p.lid or ""
        idx.artikelen[a].setdefault(lid, set())
        if p.onderdeel:
            idx.artikelen[a][lid].add(p.onderdeel)
            if lid:
                idx.artikelen[a].setdefault("", set()).add(p.onderdeel)
    return idx


def _strip_det(term: str, start: int) -> tuple[str, int]:
    m = DETERMINER_PREFIX_RE.match(term)
    if m:
        return term[m.end():], start + m.end()
    return term, start


def build_definitions(passages: list[PassageInfo]) -> list[Definition]:
    defs: list[Definition] = []
    in_list_artikel: str | None = None
    for pi in passages:
        p, text = pi.passage, pi.text
        leadin = DEF_LEADIN_RE.search(text)
        if leadin:
            in_list_artikel = p.artikel
        if leadin or (in_list_artikel is not None and p.artikel == in_list_artikel and p.onderdeel):
            body_start = leadin.end() if leadin else 0
            for m in DEF_ITEM_RE.finditer(text, body_start):
                term, ts = _strip_det(m.group("term").strip(), m.start("term"))
                if not term or len(term.split()) > 6 or term.lower().startswith(("in deze", "onder")):
                    continue
                ts = text.index(term, ts)
                defs.append(Definition(term, m.group("def").strip(), p.id, ts, ts + len(term), m.start("def"),
                                       m.end("def"), "lijst", p.artikel))
        elif p.artikel != in_list_artikel:
            in_list_artikel = None
        for m in INLINE_DEF_RE.finditer(text):
            grp = "term" if m.group("term") else "term2"
            raw = m.group(grp).strip().strip("'\"‘’“”")
            term, ts = _strip_det(raw, text.index(raw, m.start(grp)))
            before = text[max(0, m.start() - 120):m.start()]
            definiens = " ".join(before.split()[-8:])
            defs.append(Definition(term, definiens, p.id, ts, ts + len(term), m.start() - len(before[-60:]),
                                   m.start(), "inline", p.artikel))
    return defs


def build_organs(definitions: list[Definition], by_id: dict[str, PassageInfo]
                 ) -> tuple[dict[str, Organ], list[Alias], dict[str, str]]:
    organs: dict[str, Organ] = {}
    names: dict[str, str] = {}
    aliases: list[Alias] = []
    for row in shared_table("organs.tsv", ORGAN_COLUMNS):
        key = row["key"]
        organs.setdefault(key, Organ(key, row["level"], row["role"], row["number"] == "mv", row["gender"],
                                     row["source"]))
        names[row["name"]] = key
    seeds = sorted(names, key=len, reverse=True)
    for d in definitions:
        term = d.term.lower().strip()
        if not term or term in names:
            if term in names:
                k = names[term]
                o = organs[k]
                organs[k] = Organ(o.key, o.level, o.role, o.plural, o.gender, o.source, defined=True)
            continue
        pi = by_id.get(d.passage_id)
        where = f"definitie artikel {d.artikel}" if d.artikel else "definitie"
        if pi is not None and pi.passage.onderdeel:
            where += f" onder {pi.passage.onderdeel}"
        definiens = d.definiens.lower()
        hits = [(m.start(), -len(n), n) for n in seeds
                for m in [re.search(rf"\b{re.escape(n)}\b", definiens)] if m]
        if hits:
            rest = definiens
            for h in hits:
                rest = re.sub(rf"\b{re.escape(h[2])}\b", " ", rest)
            if re.search(r",|\ben\b|\bof\b", rest):
                hits = []  # "partners: de minister, de provincie en …": a collective, not an alias
        target = min(hits)[2] if hits else None
        head_is_organ = any(term.endswith(h) for h in ORGAN_HEADS)
        if target and (head_is_organ or d.term[:1].isupper() or d.kind == "inline"
                       or definiens.startswith(("het " + target, "de " + target, target))):
            key = names[target]
            names[term] = key
            aliases.append(Alias(term, key, where))
            o = organs[key]
            organs[key] = Organ(o.key, o.level, o.role, o.plural, o.gender, o.source, defined=True)
        elif head_is_organ:
            level = "gemeente" if "gemeente" in definiens and "openbaar lichaam" not in definiens else "GR"
            plural = term.endswith(("en", "s")) and not term.endswith("bestuur")
            gender = "het" if term.endswith(("bestuur", "college", "lichaam", "orgaan")) else "de"
            organs[term] = Organ(term, level, "gedefinieerd orgaan", plural, gender, where, defined=True)
            names[term] = term
    return organs, aliases, names


def _organ_pattern(names: dict[str, str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))
    # "Raad van State", "raad van bestuur" etc. are not municipal councils.
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])(?!\s+van\s+(?:state|ministers|bestuur|toezicht|commissarissen))",
                      re.IGNORECASE)


def find_organ_mentions(pi: PassageInfo, pattern: re.Pattern[str], names: dict[str, str]) -> list[Mention]:
    out = []
    for m in pattern.finditer(pi.text):
        key = names.get(re.sub(r"\s+", " ", m.group(0).lower()))
        if key:
            out.append(Mention(pi.passage.id, m.start(), m.end(), m.group(0), key))
    return out


def instrument_heads() -> dict[str, str]:
    return {r["head"]: r["kind"] for r in shared_table("instruments.tsv", INSTRUMENT_COLUMNS)}


INSTRUMENT_EXCLUDE = re.compile(r"\b(in|binnen) het kader van\b|\bgemeenschappelijke regeling\b|\bdeze regeling\b"
                                r"|\bde regeling\b|\bregeling van\b", re.IGNORECASE)


def _instrument_re() -> re.Pattern[str]:
    heads = sorted(instrument_heads(), key=len, reverse=True)
    return re.compile(rf"\b([A-Za-zÀ-ÿ]*?)({'|'.join(heads)})(s)?\b", re.IGNORECASE)


@functools.cache
def _binding_patterns() -> dict[str, re.Pattern[str]]:
    from models.ambiguity.lexicon import phrase_pattern
    return {level: phrase_pattern(list(phrases)) for level, phrases in BINDING_LEVELS.items()}


def binding_level(sentence: str, rel: int) -> tuple[str, str]:
    """The bindingness level (L0–L3) of the verb phrase nearest to position ``rel`` in the sentence."""
    best: tuple[int, str, str] | None = None
    for level, rx in _binding_patterns().items():
        for m in rx.finditer(sentence):
            # Distance 0 when the instrument sits inside the phrase ("voert de woonvisie uit").
            dist = 0 if m.start() <= rel < m.end() else min(abs(m.start() - rel), abs(m.end() - rel))
            if best is None or dist < best[0]:
                best = (dist, level, sentence[m.start():m.end()])
    return (best[1], best[2]) if best else ("L?", "")


def find_instruments(pi: PassageInfo) -> list[InstrumentMention]:
    heads = instrument_heads()
    text = pi.text
    excluded = [(m.start(), m.end()) for m in INSTRUMENT_EXCLUDE.finditer(text)]
    out = []
    for m in _instrument_re().finditer(text):
        word = m.group(0)
        lower = word.lower()
        head = m.group(2).lower()
        if any(s <= m.start() < e for s, e in excluded):
            continue
        if head == "regeling" and not m.group(1):
            continue  # the regulation itself, not an instrument it refers to
        if head == "kader" and re.search(r"\bkader\s+van\b", text[m.start():m.end() + 5], re.I) and not m.group(1):
            continue
        if lower.endswith("s") and not m.group(3):
            continue
        s, e = pi.sentence_of(m.start())
        sent = text[s:e]
        level, phrase = binding_level(sent, m.start() - s)
        decision_test = bool(re.search(r"past\s+binnen|passen\s+binnen|binnen\s+(?:het|de)\s+(?:door\s+.{0,60}?)?"
                                       r"(?:vastgestelde\s+)?" + re.escape(lower), sent, re.I))
        name = lower[:-1] if m.group(3) else lower
        out.append(InstrumentMention(pi.passage.id, m.start(), m.end(), word, name, heads[head], level, phrase,
                                     decision_test or head == "kader" and level in ("L2", "L3"),
                                     bool(VERSION_RE.search(text[m.end():m.end() + 60]))))
    return out


def _verb_at(toks: list[Tok], i: int, verbs: dict[str, str], caps: Capabilities) -> tuple[str, bool] | None:
    """(infinitive, is_participle) when token i is a competence verb form, else None."""
    t = toks[i]
    bases = _separable_bases(frozenset(verbs))
    # simplemma sometimes lemmatises a finite verb as another word ("wijst" → "wijs"), so the
    # infinitives that the form can belong to are generated as well.
    cands = [t.lemma] + ([t.lower] if t.lower.endswith("en") and t.lower != t.lemma else []) + \
        infinitive_candidates(t.lower)
    if not any(c in verbs or c in bases for c in cands):
        return None  # cheap pre-filter: most tokens are not competence verbs
    if t.lower in ("besluit", "besluiten"):
        if not _finite_context(toks, i):
            return None  # "het besluit", "de besluiten van …": the noun
        return ("besluiten", False)
    if t.lower in NOUN_STOPLIST or t.lower in CONJUNCTIONS:
        return None  # "Indien …" is the conjunction, not a form of "indienen"
    if caps.pos and t.pos and t.pos not in ("VERB", "AUX"):
        return None
    if not caps.pos and i > 0 and toks[i - 1].lower in DETERMINERS:
        return None  # "het besluit", "de voordracht": a noun after a determiner
    lem = t.lemma
    participle = bool(re.match(r"^(ge|\w+ge|be|ver|ont|her|er|over|toe)\w+[dtn]$", t.lower)) and t.lower != lem
    if lem in verbs:
        return lem, participle
    # Plural present = infinitive ("de raden stellen"); simplemma may read it as a noun plural.
    for c in cands[1:]:
        if c in verbs:
            return c, False
    # Separable verb, finite: "stelt … vast" → vaststellen (particle closes the clause).
    for j in range(i + 1, min(len(toks), i + 25)):
        tj = toks[j]
        if tj.sent != t.sent or tj.text in ",;:":
            break
        base = next((c for c in cands if (tj.lower + c) in verbs), None)
        if tj.lower in PARTICLES and base:
            lem = base
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if nxt is None or nxt.sent != t.sent or not nxt.text.isalnum() or nxt.lower in PARTICLE_FOLLOWERS:
                return tj.lower + lem, False
    return None


@functools.lru_cache(maxsize=50_000)
def infinitive_candidates(form: str) -> list[str]:
    """Infinitives a finite Dutch verb form may belong to: stelt → stellen, wijst → wijzen, draagt → dragen."""
    if len(form) < 3 or not form.isalpha():
        return []
    stem = form[:-1] if form.endswith("t") and len(form) > 3 else form
    out = {form + "en", stem + "en", stem + stem[-1] + "en"}
    variants = {stem}
    if stem.endswith("s"):
        variants.add(stem[:-1] + "z")
    if stem.endswith("f"):
        variants.add(stem[:-1] + "v")
    for v in variants:
        out.add(v + "en")
        m = re.match(r"^(.*?)(aa|ee|oo|uu)([^aeiou]+)$", v)
        if m:
            out.add(m.group(1) + m.group(2)[0] + m.group(3) + "en")
    return sorted(out)


@functools.cache
def _separable_bases(verbs: frozenset[str]) -> frozenset[str]:
    """"stellen" for "vaststellen": the finite base a separable particle attaches to."""
    return frozenset(v[len(p):] for v in verbs for p in PARTICLES if v.startswith(p) and len(v) > len(p) + 3)


VERB_NEXT = {"over", "tot", "dat", "om", "de", "het", "een", "niet", "bij", "zo", "met", "op", "in", "jaarlijks",
             "zelf", "hierover", "daarover", "binnen", "uiterlijk", ",", "omtrent", "zij", "hij"}


def _finite_context(toks: list[Tok], i: int) -> bool:
    """'besluit' as a verb: no determiner before, a typical verb complement after."""
    if i > 0 and toks[i - 1].lower in DETERMINERS:
        return False
    nxt = toks[i + 1].lower if i + 1 < len(toks) and toks[i + 1].sent == toks[i].sent else ""
    return nxt in VERB_NEXT


MODAL = {"kan": "bevoegdheid", "kunnen": "bevoegdheid", "mag": "mag", "mogen": "mag", "moet": "moet/dient",
         "moeten": "moet/dient", "dient": "moet/dient", "dienen": "moet/dient", "zal": "zal", "zullen": "zal"}


def build_competences(res: Resources, pi: PassageInfo) -> list[Competence]:
    out = []
    p = pi.passage
    mentions = res.organ_mentions.get(p.id, [])
    instruments = [m for m in res.instruments if m.passage_id == p.id]
    for si, (s, e) in enumerate(pi.sentences):
        toks = [t for t in pi.tokens if t.sent == si]
        sent = pi.text[s:e]
        passive = any(t.lower in WORDEN for t in toks)
        conds = tuple(sorted({m.group(1).lower() for m in CONDITION_RE.finditer(sent)}))
        codec = ""
        for rx, strength in CODECISION:
            if rx.search(sent):
                codec = strength
        modality = "plicht"
        for t in toks:
            if t.lower in MODAL:
                modality = MODAL[t.lower]
                break
        if re.search(r"\b(is|zijn) bevoegd\b", sent, re.I):
            modality = "bevoegdheid"
        seen_verbs: set[str] = set()
        for i in range(len(toks)):
            hit = _verb_at(toks, i, res.verbs, res.caps)
            if not hit:
                continue
            verb, participle = hit
            if verb in seen_verbs:
                continue
            seen_verbs.add(verb)
            t = toks[i]
            is_passive = passive and participle
            actor_m = _actor(pi, mentions, s, e, t.start, is_passive)
            recip = next((m for m in mentions if s <= m.start < e and
                          re.search(r"\baan\s+(?:de|het)?\s*$", pi.text[max(s, m.start - 12):m.start], re.I)), None)
            obj = _object(pi, instruments, mentions, s, e, t, actor_m, is_passive)
            org = res.organ(actor_m.key) if actor_m else None
            out.append(Competence(
                actor_m.key if actor_m else None, actor_m.text if actor_m else "", org.level if org else "",
                verb, res.verbs[verb], obj, modality, is_passive, recip.key if recip else None, conds, codec,
                p.id, p.artikel, p.lid, t.start, t.end, (s, e)))
    return out


def _actor(pi: PassageInfo, mentions: list[Mention], s: int, e: int, verb_start: int, passive: bool
           ) -> Mention | None:
    text = pi.text
    in_sent = [m for m in mentions if s <= m.start < e]
    if passive:
        return next((m for m in in_sent if re.search(r"\bdoor\s+(?:de|het)?\s*$", text[max(s, m.start - 12):m.start],
                                                     re.I)), None)
    for m in in_sent:
        before = text[max(s, m.start - 25):m.start].lower().split()
        before = [w for w in before if w not in ("de", "het", "dit", "dat", "deze", "zijn", "haar", "hun")]
        if before and before[-1].strip(",") in NON_SUBJECT_PREPS:
            continue
        if before and before[-1] in ("en", "of") and m.start > verb_start:
            continue
        return m
    return None


def _object(pi: PassageInfo, instruments: list[InstrumentMention], mentions: list[Mention], s: int, e: int,
            verb: Tok, actor: Mention | None, passive: bool) -> str:
    text = pi.text
    cands = [m for m in instruments if s <= m.start < e]
    if cands:
        after = [m for m in cands if actor is None or m.start > actor.end]
        if after:
            return after[0].name
        fronted = [m for m in cands if not re.search(r"\b(?:na|bij|op|voor|van|met|uit|tot|in|over)\s+(?:\w+\s+)?"
                                                     r"(?:de|het|een)\s+\S*$", text[max(s, m.start - 40):m.start],
                                                     re.I)]
        # "Na ontvangst van de jaarrekening stelt het algemeen bestuur de bijdrage vast": an instrument in a
        # fronted prepositional phrase is no object; look after the actor instead.
        if passive or actor is None or fronted:
            return (fronted or cands)[0].name
    lo = s if passive else (actor.end if actor else s)
    for m in re.finditer(r"\b(?:de|het|een)\s+((?:\w+e\s+)?(\w+))", text[lo:e], re.I):
        a = lo + m.start()
        organ = next((mm for mm in mentions if a <= mm.start < a + len(m.group(0)) + 4), None)
        if organ is not None:
            if actor is not None and organ.start == actor.start:
                continue
            if lo + m.start() > verb.start or passive:
                return organ.key  # "benoemt de secretaris": an organ can be the object
            continue
        head = m.group(2).lower()
        if head in DETERMINERS or head in OBJECT_STOP or len(head) < 4:
            continue
        return head
    return ""


DELEGATION_RE = re.compile(
    r"\b(?P<nr>nadere\s+regels|(?:stelt|stellen)\s+(?:\w+\s+){0,3}?regels|bij\s+of\s+krachtens"
    r"|bij\s+afzonderlijk\s+besluit|bij\s+(?:een\s+)?nadere\s+regeling"
    r"|nader\s+(?:te\s+|vast\s+te\s+)?(?:bepalen|stellen|regelen|uit\s+te\s+werken)"
    r"|nader\s+(?:bepaald|geregeld|vastgesteld|uitgewerkt)"
    r"|nader\s+uit\s+te\s+werken)\b"
    r"|\b(?P<del>delegeert|delegeren|gedelegeerd|delegatie|draagt\s+(?:\w+\s+){0,6}?over|overdragen|overgedragen"
    r"|over\s+te\s+dragen)\b"
    r"|\b(?P<man>mandateert|mandateren|gemandateerd|mandaat|machtigt|machtigen|gemachtigd|machtiging)\b"
    r"|\b(?P<opd>(?:kan|kunnen)\s+(?:\w+\s+){0,8}?opdragen|laten\s+uitvoeren\s+door)\b",
    re.IGNORECASE)
LIMITER_RE = re.compile(r"\b(omtrent|over|met betrekking tot|ter uitvoering van|inzake|betreffende|ten aanzien van"
                        r"|voor wat betreft|ten behoeve van|aangaande|voor de uitvoering van|(?<=regels )voor"
                        r"|(?:deze|die|dit|dat) bevoegdhe\w+)\b", re.IGNORECASE)


def build_delegations(res: Resources, pi: PassageInfo) -> list[Delegation]:
    out = []
    p = pi.passage
    mentions = res.organ_mentions.get(p.id, [])
    for m in DELEGATION_RE.finditer(pi.text):
        kind = ("nadere regels" if m.group("nr") else "delegatie/overdracht" if m.group("del")
                else "mandaat/machtiging" if m.group("man") else "opdragen")
        if m.group("nr") and re.match(r"nader", m.group("nr"), re.I) and "regels" not in m.group("nr").lower():
            kind = "nader te bepalen"
        s, e = pi.sentence_of(m.start())
        sent = pi.text[s:e]
        actor = _actor(pi, mentions, s, e, m.start(), False)
        recip = next((mm for mm in mentions if s <= mm.start < e and re.search(
            r"\b(?:aan|door)\s+(?:de|het|een)?\s*$", pi.text[max(s, mm.start - 12):mm.start], re.I)), None)
        official = (r"((?:\w+\s+){0,2}?(?:ambtenaar|ambtenaren|directeur|secretaris|medewerker|medewerkers"
                    r"|functionaris|voorzitter))\b")
        rm = None
        if recip is None and (m.group("man") or m.group("del")):
            # "mandateert de directeur", "machtigt de secretaris": the recipient as direct object.
            recip = next((mm for mm in mentions if m.end() <= mm.start <= m.end() + 6), None)
            if recip is None:
                rm = re.match(r"\s+(?:de|het|een)\s+" + official, pi.text[m.end():], re.I)
        if recip is None:
            rm = rm or re.search(r"\baan\s+(?:de|het|een)\s+" + official, sent, re.I)
            recip_txt = rm.group(1) if rm else None
        else:
            recip_txt = recip.key
        lim = LIMITER_RE.search(sent)
        subject = ""
        if lim:
            subject = " ".join(sent[lim.start():].split()[:6])
        out.append(Delegation(kind, actor.key if actor else None, recip_txt, subject, p.id, p.artikel, p.lid,
                              m.start(), m.end(), m.group(0)))
    return out


def build_resources(doc: Document, nlp=None, caps: Capabilities | None = None) -> Resources:
    """All shared tables for ``doc`` (dispositief only), built once."""
    if nlp is None or caps is None:
        nlp, caps = load_nlp()
    passages = [p for p in doc.dispositief() if p.block == "text" and p.text.strip()]
    if any(p.part == "dispositief" for p in passages):
        # A regulation with marked parts: passages outside them are the closing formula and signatures.
        passages = [p for p in passages if p.part == "dispositief"]
    tokenised = _tokens(nlp, passages, caps)
    infos = [PassageInfo(p, toks, sents, i) for i, (p, (toks, sents)) in enumerate(zip(passages, tokenised,
                                                                                        strict=True))]
    by_id = {pi.passage.id: pi for pi in infos}
    structure = build_structure(passages)
    definitions = build_definitions(infos)
    organs, aliases, names = build_organs(definitions, by_id)
    pattern = _organ_pattern(names)
    organ_mentions = {pi.passage.id: find_organ_mentions(pi, pattern, names) for pi in infos}
    instruments = [m for pi in infos for m in find_instruments(pi)]
    verbs = {r["verb"]: r["class"] for r in shared_table("verbs.tsv", VERB_COLUMNS)}
    words = sum(1 for pi in infos for t in pi.tokens if t.text[:1].isalnum())
    res = Resources(doc, caps, infos, by_id, structure, definitions, organs, aliases, names, organ_mentions,
                    instruments, [], [], verbs, words)
    res.competences = [c for pi in infos for c in build_competences(res, pi)]
    res.delegations = [d for pi in infos for d in build_delegations(res, pi)]
    adopters: dict[str, set[str]] = defaultdict(set)
    for c in res.competences:
        if c.action_class == "adoption" and c.object and c.actor:
            adopters[c.object].add(c.actor)
    for m in res.instruments:
        m.adopters = sorted(adopters.get(m.name, set()))
    return res
