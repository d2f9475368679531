"""Seeded synthetic Dutch government text for the benchmarks (search corpus, NLP input).

Passages are written in three registers (regulation lids, coalition/policy text, council
agenda items) from sentence templates with slots (municipalities, topics, organs, compound
words, amounts, dates, case numbers), so term frequencies range from very common
("gemeente") to rare (a street name, a case number), like the real corpus. Everything is
drawn from ``random.Random(seed)``: the same seed gives the same corpus on every machine.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

GENERATOR_VERSION = "1"  # bump when the text below changes (keys the cached search databases)

BODIES = ("Dordrecht", "Zwijndrecht", "Papendrecht", "Sliedrecht", "Alblasserdam", "Hendrik-Ido-Ambacht",
          "Hardinxveld-Giessendam", "Drechtsteden", "Gorinchem", "Molenlanden", "Rotterdam", "Barendrecht",
          "Ridderkerk", "Gouda", "Leiden", "Utrecht", "Zuid-Holland", "Waterschap Hollandse Delta")
KINDS = ("regeling", "akkoord", "agenda", "overig")
TOPICS = ("woningbouw", "jeugdzorg", "sociaal domein", "bereikbaarheid", "duurzaamheid", "energietransitie",
          "veiligheid", "economie", "onderwijs", "armoedebestrijding", "schuldhulpverlening", "participatie",
          "cultuur", "sport", "openbare ruimte", "groenonderhoud", "afvalinzameling", "handhaving",
          "bedrijfsvoering", "informatievoorziening", "belastingen", "grondbeleid", "mobiliteit", "zorg",
          "wmo", "leerlingenvervoer", "omgevingswet", "klimaatadaptatie", "erfgoed", "toerisme")
COMPOUNDS = ("erfgoedactieplan", "woningbouwprogramma", "uitvoeringsagenda", "subsidieregeling",
             "begrotingswijziging", "jaarrekening", "kadernota", "zienswijze", "dienstverleningsovereenkomst",
             "kostenverdeelsleutel", "risicoprofiel", "weerstandsvermogen", "gemeenschappelijke regeling",
             "verordening", "mandaatbesluit", "uitvoeringsprogramma", "investeringsagenda", "bestemmingsplan")
ORGANS = ("het algemeen bestuur", "het dagelijks bestuur", "de voorzitter", "de gemeenteraad",
          "het college van burgemeester en wethouders", "de secretaris", "de directeur", "de Drechtraad",
          "de auditcommissie", "de deelnemende gemeenten")
VERBS = ("stelt vast", "besluit over", "draagt zorg voor", "is bevoegd tot", "legt verantwoording af over",
         "zendt", "wijzigt", "bepaalt", "regelt", "evalueert", "informeert de raad over", "bevordert")
ADJ = ("doelmatige", "regionale", "gezamenlijke", "passende", "tijdige", "integrale", "zorgvuldige",
       "structurele", "incidentele", "betaalbare", "duurzame", "lokale")
STREETS = ("Molenstraat", "Voorstraat", "Spuiboulevard", "Noordendijk", "Kerkplein", "Wilgenlaan",
           "Merwedestraat", "Stationsweg", "Dokweg", "Lijnbaan")
PARTIES = ("VVD", "CDA", "D66", "GroenLinks", "PvdA", "SP", "ChristenUnie", "SGP", "BBD", "Beter voor Dordrecht")
NAMES = ("De Jong", "Jansen", "Van den Berg", "Bakker", "Visser", "Smit", "Meijer", "De Boer", "Mulder", "Bos")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")

_REGULATION = (
    "{organ} {verb} de {adj} {compound} voor {topic}.",
    "De deelnemende gemeenten dragen bij in de kosten van {topic} volgens de {compound}.",
    "Het besluit wordt binnen {n} weken na de vaststelling toegezonden aan de raden van de deelnemende gemeenten.",
    "Onverminderd het bepaalde in artikel {n} kan {organ} een {adj} regeling treffen voor {topic}.",
    "De gemeenteraad van {body} kan zijn wensen en bedenkingen ter kennis brengen van {organ}.",
    "Indien een gemeente uittreedt, worden de financiële gevolgen geregeld in een {compound}.",
    "{organ} stelt jaarlijks voor 15 {month} de ontwerpbegroting vast en zendt deze aan de raden.",
    "De bijdrage van {body} wordt bepaald naar rato van het aantal inwoners op 1 januari {year}.",
    "Het mandaat omvat niet de bevoegdheid tot het vaststellen van een {compound}.",
    "Bezwaar tegen een besluit over {topic} wordt ingediend bij {organ}.",
)
_AGREEMENT = (
    "Wij investeren de komende jaren in {topic} en maken daarbij afspraken met de regio Drechtsteden.",
    "In {body} willen wij {n} nieuwe woningen bouwen, waarvan een derde betaalbaar.",
    "De gemeente kiest voor een {adj} aanpak van {topic} en werkt samen met maatschappelijke partners.",
    "Samenwerking in de regio is geen doel op zich; wij behouden onze eigen koers waar dat nodig is.",
    "Wij vragen de gemeenschappelijke regeling om meer sturing door de raad op {topic}.",
    "De lokale lasten stijgen niet meer dan de inflatie, ook niet voor {topic}.",
    "Het {compound} wordt in {year} geëvalueerd, samen met inwoners en ondernemers uit {body}.",
    "Onze inzet op {topic} is {adj} en gericht op de inwoners die het het hardst nodig hebben.",
)
_AGENDA = (
    "Voorstel tot vaststelling van de {compound} {year} van {body} (zaaknummer Z-{year}-{case}).",
    "Raadsinformatiebrief over {topic}, toegelicht door wethouder {name} ({party}).",
    "Motie van de fractie {party} over {topic} aan de {street}, aangenomen met {n} stemmen voor.",
    "Vergadering van de Drechtraad op {day} {month} {year}; agendapunt {n}: {topic}.",
    "Zienswijze op de ontwerpbegroting {year} van de gemeenschappelijke regeling voor {topic}.",
    "Amendement van {name} ({party}) op het {compound} wordt verworpen.",
    "Het college beantwoordt schriftelijke vragen over {topic} in {body}.",
)
REGISTERS = {"regeling": _REGULATION, "akkoord": _AGREEMENT, "agenda": _AGENDA, "overig": _REGULATION + _AGENDA}


@dataclass(frozen=True, slots=True)
class SynthDoc:
    """A synthetic document: metadata plus passage texts with their artikel/lid position."""

    key: str
    title: str
    kind: str
    body: str
    year: int
    passages: list[tuple[str, str, str]]  # (artikel, lid, text)


class Generator:
    """Draws sentences and passages; one instance per seed."""

    def __init__(self, seed: int = 0) -> None:
        self.rng = random.Random(seed)

    def sentence(self, kind: str) -> str:
        r = self.rng
        tpl = r.choice(REGISTERS[kind])
        text = tpl.format(
            organ=r.choice(ORGANS), verb=r.choice(VERBS), adj=r.choice(ADJ), compound=r.choice(COMPOUNDS),
            topic=r.choice(TOPICS), body=r.choice(BODIES), n=r.randint(2, 400), month=r.choice(MONTHS),
            year=r.randint(2015, 2030), case=f"{r.randint(0, 99999):05d}", name=r.choice(NAMES),
            party=r.choice(PARTIES), street=r.choice(STREETS), day=r.randint(1, 28))
        return text[0].upper() + text[1:]

    def passage(self, kind: str) -> str:
        return " ".join(self.sentence(kind) for _ in range(self.rng.choice((1, 2, 2, 3))))

    def documents(self, n_passages: int, per_doc: int = 20) -> Iterator[SynthDoc]:
        """Documents of ``per_doc`` passages until ``n_passages`` passages have been made."""
        r = self.rng
        made = 0
        i = 0
        while made < n_passages:
            kind = r.choice(KINDS)
            body = r.choice(BODIES)
            year = r.randint(2000, 2026)
            k = min(per_doc, n_passages - made)
            rows = [(str(1 + j // 3), str(1 + j % 3), self.passage(kind)) for j in range(k)]
            title = f"{kind.capitalize()} {r.choice(COMPOUNDS)} {body} {year} nr. {i}"
            yield SynthDoc(f"synth-{i:07d}", title, kind, body, year, rows)
            made += k
            i += 1

    def text(self, n_words: int, kind: str = "regeling") -> str:
        """Running text of about ``n_words`` words (paragraphs of a few passages)."""
        parts: list[str] = []
        count = 0
        while count < n_words:
            p = self.passage(kind)
            parts.append(p)
            count += len(p.split())
        return "\n\n".join(parts)
