"""A small hand-coded set (written for these tests, coded by the codebook) for fast unit tests."""

from __future__ import annotations

from models.labels import Coding, Labels

ROWS: list[tuple[str, list[str], dict[str, str]]] = [
    ("Wij bouwen de komende jaren 3000 nieuwe woningen, vooral betaalbare huurwoningen.", ["ruimtelijk-economisch"], {}),
    ("Het woningbouwprogramma wordt versneld zodat starters sneller een woning vinden.", ["ruimtelijk-economisch"],
     {"legitimiteit-resultaat": "B"}),
    ("We verbeteren de bereikbaarheid van de binnenstad met een nieuwe fietsroute en beter openbaar vervoer.",
     ["ruimtelijk-economisch"], {}),
    ("Het bedrijventerrein wordt verduurzaamd en het vestigingsklimaat voor ondernemers versterkt.",
     ["ruimtelijk-economisch"], {}),
    ("De energietransitie vraagt om warmtenetten en zonnepanelen op daken van scholen.", ["ruimtelijk-economisch"], {}),
    ("De dijkversterking langs de rivier gaat samen met natuurontwikkeling.", ["ruimtelijk-economisch"], {}),
    ("Jeugdhulp moet dichtbij huis beschikbaar zijn via het wijkteam.", ["sociaal"], {}),
    ("Inwoners met schulden krijgen snel hulp van de schuldhulpverlening.", ["sociaal"], {}),
    ("Mensen in de bijstand worden ondersteund bij re-integratie naar betaald werk.", ["sociaal"], {}),
    ("We investeren in sport en cultuur voor alle kinderen, ook uit minimagezinnen.", ["sociaal"], {}),
    ("Mantelzorgers verdienen erkenning en respijtzorg, zodat ouderen langer thuis kunnen wonen.", ["sociaal"], {}),
    ("Het armoedebeleid richt zich op kinderen die opgroeien in een gezin met een laag inkomen.", ["sociaal"], {}),
    ("Het Servicecentrum Drechtsteden verzorgt de salarisadministratie en ICT voor alle deelnemers.",
     ["bedrijfsvoering"], {"vrijheid-afhankelijkheid": "B"}),
    ("De kostprijs van het basispakket wordt via een verdeelsleutel over de gemeenten verdeeld.",
     ["bedrijfsvoering"], {}),
    ("De Gemeentebelastingen Drechtsteden heffen en innen de onroerendezaakbelasting.", ["bedrijfsvoering"], {}),
    ("De informatiebeveiliging en het inkoopbeleid worden geharmoniseerd.", ["bedrijfsvoering"],
     {"eenvormigheid-schaalvariatie": "A"}),
    ("Het algemeen bestuur stelt de begroting vast.", ["bestuur"], {}),
    ("Het dagelijks bestuur verstrekt de raden alle inlichtingen die zij voor de democratische controle nodig hebben.",
     ["bestuur"], {"legitimiteit-resultaat": "A"}),
    ("Elke gemeente heeft in het algemeen bestuur één stem, ongeacht haar omvang.", ["bestuur"],
     {"verschillend-gelijk": "B"}),
    ("Een besluit tot uittreding wordt genomen met algemene stemmen van alle deelnemers.", ["bestuur"],
     {"vrijheid-afhankelijkheid": "A", "verschillend-gelijk": "B"}),
    ("De raden kunnen een zienswijze naar voren brengen over de ontwerpbegroting.", ["bestuur"],
     {"legitimiteit-resultaat": "A"}),
    ("Openbare orde, handhaving en crisisbeheersing blijven een taak van de burgemeester.", ["bestuur"], {}),
    ("We willen minder bestuurlijke drukte en meer slagkracht in de regio.", ["bestuur"],
     {"legitimiteit-resultaat": "B"}),
    ("De samenwerking moet doorontwikkeld worden met een nieuwe koers richting 2030.", ["bestuur"],
     {"verleden-toekomst": "B"}),
]


def small_codings(coder: str = "T") -> list[Coding]:
    return [Coding(f"p{i:03d}", text, Labels.make(doms, tens), coder, meta={"document": "doc-a" if i % 2 else "doc-b"})
            for i, (text, doms, tens) in enumerate(ROWS)]
