"""The actor finder knows public bodies by their head noun; nouns that only end like one are no actors."""

from __future__ import annotations

import pytest

from models.ambiguity.resources import ACTOR_NP_RE


@pytest.mark.parametrize("text", ["De voorraad wordt jaarlijks geteld.", "Het beraad duurt een week.",
                                  "de leidraad invordering", "de huisraad van de bewoner", "de eredienst op zondag",
                                  "de godsdienst van de aanvrager"])
def test_things_that_end_like_a_body_are_no_actor(text):
    assert ACTOR_NP_RE.search(text) is None


@pytest.mark.parametrize(("text", "actor"), [("De gemeenteraad stelt vast.", "gemeenteraad"),
                                             ("de adviesraad brengt advies uit", "adviesraad"),
                                             ("de sociale dienst beslist", "sociale dienst"),
                                             ("de belastingdienst int", "belastingdienst"),
                                             ("het college besluit", "college")])
def test_bodies_are_actors(text, actor):
    m = ACTOR_NP_RE.search(text)
    assert m is not None and m.group("np") == actor
