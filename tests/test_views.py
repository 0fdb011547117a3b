"""What readers browse, assembled from stored articles: a story's entities."""

from __future__ import annotations

from storyline.models import Article, Entity, Origin, Role
from storyline.views import story_entities


def _report(article_id: str, *entities: Entity) -> Article:
    return Article(id=article_id, origin=Origin(article_id), text="...", published="2023-03-14",
                   entities=list(entities))


def test_a_story_lists_each_entity_once_most_widely_reported_first() -> None:
    plenkovic = Entity("Andrej Plenkovic", "PERSON", id="e1",
                       roles=[Role("prime minister", "Prime Minister Andrej Plenkovic", 0)])
    rijeka = Entity("Rijeka", "GPE", id="e2")
    found = story_entities([_report("a", rijeka, plenkovic), _report("b", Entity("Rijeka", "GPE", id="e2"))])
    assert [(e.name, e.id) for e in found] == [("Rijeka", "e2"), ("Andrej Plenkovic", "e1")]
    assert [r.role for r in found[1].roles] == ["prime minister"]


def test_one_name_read_as_two_types_is_one_entity_of_the_commoner_type() -> None:
    company = [Entity("Adria Agro", "ORG", id="e-org") for _ in range(2)]
    misread = Entity("Adria Agro", "PERSON", id="e-person", aliases=["Adria Agro d.d."])
    found = story_entities([_report("a", company[0]), _report("b", company[1]), _report("c", misread)])
    assert [(e.name, e.type, e.id) for e in found] == [("Adria Agro", "ORG", "e-org")]
    assert found[0].aliases == ["Adria Agro d.d."]
