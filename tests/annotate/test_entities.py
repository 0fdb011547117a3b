"""Canonical entities within an article, and the keys and merges that join them across articles."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from storyline.annotate import annotate, entity_key, merge_entities
from storyline.annotate.entities import find_entities
from storyline.annotate.nlp import load_nlp
from storyline.models import Article, Entity, Origin, Role

PUBLISHED = "2020-09-14"


def _entities(text: str) -> list[Entity]:
    article = Article(id="a1", origin=Origin(path="test"), text=text, published=PUBLISHED)
    return annotate([article])[0].entities


def _people(text: str) -> dict[str, Entity]:
    return {e.name: e for e in _entities(text) if e.type == "PERSON"}


def test_entities_merge_surname_full_name_and_titled_name_into_one_person() -> None:
    text = (
        "Russian President Vladimir Putin met his ministers in Sochi on Monday. "
        "Putin said the talks went well. Later, Vladimir Putin flew back to Moscow."
    )
    people = _people(text)
    assert list(people) == ["Vladimir Putin"]
    putin = people["Vladimir Putin"]
    assert putin.aliases == ["Putin"]
    assert [m.text for m in putin.mentions] == ["Vladimir Putin", "Putin", "Vladimir Putin"]
    assert [r.role for r in putin.roles] == ["President of Russia"]


def test_entities_keep_two_people_sharing_a_surname_apart() -> None:
    text = "John Smith, the chief executive of BP, disagreed with Jane Smith, a lawyer, on Tuesday."
    people = _people(text)
    assert sorted(people) == ["Jane Smith", "John Smith"]
    assert [r.role for r in people["John Smith"].roles] == ["Chief Executive of BP"]
    assert [r.role for r in people["Jane Smith"].roles] == ["lawyer"]


def test_entities_attach_an_ambiguous_bare_surname_to_no_one() -> None:
    text = "John Smith met Jane Smith in London. Smith said the meeting went badly."
    people = _people(text)
    assert sorted(people) == ["Jane Smith", "John Smith"]
    assert all(len(p.mentions) == 1 for p in people.values())


def test_entities_strip_possessive_and_leading_the_from_names() -> None:
    text = "Vladimir Putin's spokesman spoke to the BBC. The BBC's reporter asked about Vladimir Putin."
    entities = {e.name: e for e in _entities(text)}
    assert "Vladimir Putin" in entities and "BBC" in entities
    assert all(m.text == "Vladimir Putin" for m in entities["Vladimir Putin"].mentions)


def test_entities_join_a_surname_to_a_name_with_an_al_prefix() -> None:
    people = _people("Bashar al-Assad spoke on television. Assad said Syria would win.")
    assert list(people) == ["Bashar al-Assad"]
    assert people["Bashar al-Assad"].aliases == ["Assad"]


def test_entities_recover_a_full_name_ner_missed_from_a_later_surname() -> None:
    text = "Alexei Navalny, the opposition leader, was detained. Officials said Navalny must stay in jail."
    people = _people(text)
    assert "Alexei Navalny" in people
    assert [r.role for r in people["Alexei Navalny"].roles] == ["opposition leader"]


def test_entity_mention_offsets_index_the_article_text() -> None:
    text = "Kremlin spokesman Dmitry Peskov said on Monday that Russian President Vladimir Putin was well."
    for entity in _entities(text):
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_entity_key_is_shared_by_one_person_across_articles() -> None:
    first = _people("Vladimir Putin arrived in Minsk on Friday.")["Vladimir Putin"]
    second = Entity(name="Vladimir V. Putin", type="PERSON")
    assert entity_key(first) == entity_key(second) == "person:vladimir putin"
    assert entity_key(Entity(name="George W. Bush", type="PERSON")) == "person:george bush"


def test_entity_key_differs_for_people_sharing_a_surname() -> None:
    assert entity_key(Entity(name="John Smith", type="PERSON")) != entity_key(Entity(name="Jane Smith", type="PERSON"))


def test_entity_key_normalises_country_names() -> None:
    assert entity_key(Entity(name="U.S.", type="GPE")) == entity_key(Entity(name="United States", type="GPE"))
    assert entity_key(Entity(name="Zürich", type="GPE")) == "name:zurich"


def test_merge_entities_unions_aliases_and_roles_and_takes_the_fuller_name() -> None:
    old_role = Role(role="President of Russia", quote="Russian President Vladimir Putin", start=0, date="2020-09-01")
    new_role = Role(role="President of Russia", quote="Russia's president Putin", start=5, date="2020-09-14")
    existing = Entity(name="Putin", type="PERSON", roles=[old_role], id="e1")
    new = Entity(
        name="Vladimir Putin", type="PERSON", aliases=["Putin", "Vladimir V. Putin"], roles=[old_role, new_role]
    )
    merged = merge_entities(existing, new)
    assert merged.name == "Vladimir Putin"
    assert merged.aliases == ["Putin", "Vladimir V. Putin"]
    assert merged.roles == [old_role, new_role]
    assert merged.id == "e1"


def test_entities_name_a_place_by_its_ordinary_spelling_not_its_dateline_capitals() -> None:
    text = "WELLINGTON — The ban takes effect at once, the government said. Ardern spoke to reporters in Wellington."
    places = [e for e in _entities(text) if e.type == "GPE"]
    assert [(e.name, e.aliases) for e in places] == [("Wellington", ["WELLINGTON"])]


def test_a_city_named_only_in_the_dateline_is_a_place_in_its_ordinary_spelling() -> None:
    text = "MINSK (Wire) - Police in Belarus detained at least 33 women on Saturday as thousands marched."
    assert [(e.name, e.type, e.aliases) for e in _entities(text) if e.name.lower() == "minsk"] == [
        ("Minsk", "GPE", ["MINSK"])]


def test_dateline_capitals_give_a_name_but_an_acronym_elsewhere_stays_as_written() -> None:
    text = "NEW YORK (Reuters) - Stocks fell on Monday as NATO ministers met in Brussels."
    assert {(e.name, e.type) for e in _entities(text)} >= {("New York", "GPE"), ("NATO", "ORG")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The head of the National Transport Safety Board, Ingrid Vogl, said the rail was worn.", "Ingrid Vogl"),
        ("The union president, Helena Cardoso, rejected the offer.", "Helena Cardoso"),  # ORG to the model
        ("Brenningen's mayor, Anton Hofstetter, opened the school gym to stranded passengers.", "Anton Hofstetter"),
    ],
)
def test_entities_make_a_name_in_apposition_to_a_role_a_person(text: str, name: str) -> None:
    entities = {e.name: e for e in _entities(text)}
    assert entities[name].type == "PERSON"
    assert entities[name].roles


def test_entities_find_a_name_after_a_rank_the_recogniser_missed() -> None:
    people = _people("Detective Inspector Sinéad Brophy appealed for witnesses on Tuesday.")
    assert [r.role for r in people["Sinéad Brophy"].roles] == ["detective inspector"]


def test_entities_end_a_name_at_a_line_break() -> None:
    names = [e.name for e in _entities("The Harbour Observer\n\nThe strike by Danish nurses entered its second week.")]
    assert "Harbour Observer" in names
    assert all("\n" not in n for n in names)


@pytest.mark.parametrize(
    ("text", "junk"),
    [
        ("Sixty firefighters fought the blaze at the plant. Trains will run again on Monday.", {"Sixty", "Trains"}),
        ("The strike notice was delivered to the ministry on June 28, and the government did not respond.",
         {"ministry on June 28"}),
    ],
)  # fmt: skip
def test_entities_drop_number_words_common_words_and_lower_case_starts(text: str, junk: set[str]) -> None:
    assert not junk & {e.name for e in _entities(text)}


def test_entities_type_a_one_word_person_after_in_or_in_a_list_of_places_as_a_place() -> None:
    text = "Hospitals in Lisbon, Braga and Faro postponed surgery. A man was arrested on Monday in Knocknacarra."
    types = {e.name: e.type for e in _entities(text)}
    assert types == {"Lisbon": "GPE", "Braga": "GPE", "Faro": "GPE", "Knocknacarra": "GPE"}


def test_entities_give_a_town_named_as_place_and_person_one_place_entity() -> None:
    text = (
        "A regional train derailed near the town of Brenningen in Upper Austria on Tuesday evening. "
        "Brenningen's mayor, Anton Hofstetter, opened the gym."
    )
    entities = _entities(text)
    assert [(e.name, e.type) for e in entities if e.name in ("Brenningen", "Upper Austria")] == [
        ("Brenningen", "GPE"), ("Upper Austria", "GPE"),
    ]  # fmt: skip
    hofstetter = next(e for e in entities if e.name == "Anton Hofstetter")
    assert [r.role for r in hofstetter.roles] == ["Mayor of Brenningen"]


def test_entities_give_a_company_ending_the_organisation_type() -> None:
    text = "Firefighters fought the blaze at the Corrib Seafoods plant on Saturday. Three workers were hurt."
    assert {e.name: e.type for e in _entities(text)}["Corrib Seafoods"] == "ORG"


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("While you wait, you buy the game from Google, then stream it. Google said so.", "Google", "ORG"),
        ("Shares in Tesla rose 5 percent on Monday, and Tesla said sales were strong.", "Tesla", "ORG"),
    ],
)
def test_entities_keep_the_type_where_place_cues_do_not_apply(text: str, name: str, kind: str) -> None:
    assert {e.name: e.type for e in _entities(text)}[name] == kind


def test_entities_take_a_one_word_name_after_the_for_no_person() -> None:
    text = "What a game at the Showgrounds. Leinster scored five tries to beat the Dragons 34-17 on Saturday night."
    assert {e.name: e.type for e in _entities(text)}["Dragons"] == "ORG"


def test_a_name_the_recogniser_missed_beside_a_role_in_apposition_is_a_person_with_that_role() -> None:
    text = ('"We have never seen a flood like this," the mayor of Lindby, Ines Varga, told reporters. '
            "She said the dikes had been checked earlier this year.")
    varga = _people(text)["Ines Varga"]
    assert [r.role for r in varga.roles] == ["Mayor of Lindby"]


def test_a_titled_name_with_a_given_name_ending_in_s_is_a_person_with_that_title() -> None:
    text = "Mayor Ines Varga said the town would reopen the ferry pier next week."
    assert [r.role for r in _people(text)["Ines Varga"].roles] == ["mayor"]


def test_a_list_of_places_after_a_comma_is_no_person() -> None:
    text = "The minister visited flooded villages around Lindby, Sankt Olof and Brisk on Tuesday."
    assert "Sankt Olof" not in _people(text)


def test_a_name_the_recogniser_left_untagged_beside_a_role_in_apposition_is_recovered() -> None:
    text = '"Nobody could have stopped this," the mayor of Fernsee, Ines Hartl, told reporters on Sunday.'
    assert [r.role for r in _people(text)["Ines Hartl"].roles] == ["Mayor of Fernsee"]


def _tagged_doc(tokens: list[tuple[str, str]], ents: list[tuple[int, int, str]]) -> Doc:
    """Return a Doc with the given tags and entity labels: the recogniser's mistakes, made on purpose."""
    words = [w for w, _ in tokens]
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".", "'s") for i in range(len(words))]
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    doc = Doc(load_nlp().vocab, words=words, spaces=spaces, tags=[t for _, t in tokens], sent_starts=starts)
    doc.ents = [Span(doc, a, b, label=label) for a, b, label in ents]
    return doc


_SIGNED = [("Prime", "NNP"), ("Minister", "NNP"), ("Tomas", "NNP"), ("Riquelme", "NNP"), ("signed", "VBD"),
           ("the", "DT"), ("accord", "NN"), (".", ".")]


def test_a_surname_tagged_as_a_place_but_set_off_by_a_role_joins_the_person() -> None:
    tokens = [*_SIGNED, ("Riquelme", "NNP"), (",", ","), ("Chile", "NNP"), ("'s", "POS"), ("prime", "JJ"),
              ("minister", "NN"), ("since", "IN"), ("2022", "CD"), (",", ","), ("praised", "VBD"), ("it", "PRP"),
              (".", ".")]
    found = find_entities(_tagged_doc(tokens, [(2, 4, "PERSON"), (8, 9, "GPE"), (10, 11, "GPE")]))
    assert [(e.name, e.type, e.aliases) for e in found] == [("Tomas Riquelme", "PERSON", ["Riquelme"]),
                                                            ("Chile", "GPE", [])]


def test_a_surname_tagged_as_a_place_but_set_off_by_an_age_joins_the_person() -> None:
    tokens = [*_SIGNED, ("Riquelme", "NNP"), (",", ","), ("61", "CD"), (",", ","), ("smiled", "VBD"), (".", ".")]
    found = find_entities(_tagged_doc(tokens, [(2, 4, "PERSON"), (8, 9, "GPE")]))
    assert [(e.name, e.aliases) for e in found] == [("Tomas Riquelme", ["Riquelme"])]


def test_a_place_sharing_a_surname_and_described_as_a_place_stays_a_place() -> None:
    tokens = [*_SIGNED, ("Riquelme", "NNP"), (",", ","), ("a", "DT"), ("town", "NN"), ("of", "IN"),
              ("farmers", "NNS"), (",", ","), ("cheered", "VBD"), (".", ".")]
    found = find_entities(_tagged_doc(tokens, [(2, 4, "PERSON"), (8, 9, "GPE")]))
    assert [(e.name, e.type) for e in found] == [("Tomas Riquelme", "PERSON"), ("Riquelme", "GPE")]


def test_a_name_ending_in_a_site_word_tagged_person_is_a_facility() -> None:
    tokens = [("The", "DT"), ("rocket", "NN"), ("left", "VBD"), ("Vardo", "NNP"), ("Spaceport", "NNP"),
              ("on", "IN"), ("Friday", "NNP"), (".", ".")]
    found = find_entities(_tagged_doc(tokens, [(3, 5, "PERSON")]))
    assert [(e.name, e.type) for e in found] == [("Vardo Spaceport", "FAC")]


def test_a_one_word_name_after_the_mayor_of_is_a_place_not_a_person() -> None:
    tokens = [("Tomas", "NNP"), ("Riquelme", "NNP"), (",", ","), ("the", "DT"), ("former", "JJ"), ("mayor", "NN"),
              ("of", "IN"), ("Ostvik", "NNP"), (",", ","), ("was", "VBD"), ("jailed", "VBN"), (".", ".")]
    found = find_entities(_tagged_doc(tokens, [(0, 2, "PERSON"), (7, 8, "PERSON")]))
    assert [(e.name, e.type) for e in found] == [("Tomas Riquelme", "PERSON"), ("Ostvik", "GPE")]


def test_a_one_word_name_after_the_friend_of_stays_a_person() -> None:
    tokens = [("A", "DT"), ("friend", "NN"), ("of", "IN"), ("Ostvik", "NNP"), ("spoke", "VBD"), (".", ".")]
    found = find_entities(_tagged_doc(tokens, [(3, 4, "PERSON")]))
    assert [(e.name, e.type) for e in found] == [("Ostvik", "PERSON")]



def test_an_honorific_and_surname_tagged_as_a_place_joins_the_person_of_that_surname() -> None:
    tokens = [*_SIGNED, ("Ms", "NNP"), ("Riquelme", "NNP"), ("said", "VBD"), ("Corvex", "NNP"), ("agreed", "VBD"),
              (".", ".")]
    found = find_entities(_tagged_doc(tokens, [(2, 4, "PERSON"), (8, 10, "GPE"), (11, 12, "ORG")]))
    assert [(e.name, e.type, e.aliases) for e in found] == [("Tomas Riquelme", "PERSON", ["Riquelme"]),
                                                            ("Corvex", "ORG", [])]


def test_a_full_name_the_model_splits_in_two_is_one_person() -> None:
    people = _people("President Samia Suluhu Hassan declared three days of national mourning.")
    assert list(people) == ["Samia Suluhu Hassan"]
    assert [r.role for r in people["Samia Suluhu Hassan"].roles] == ["president"]


def test_a_title_run_into_the_place_before_it_belongs_to_the_name_after_it() -> None:
    text = "The ferry overturned near the jetty at Bugorora, Transport Minister Makame Mbarawa told reporters."
    names = {e.name for e in _entities(text)}
    assert "Bugorora" in names and not any("Minister" in n for n in names)
