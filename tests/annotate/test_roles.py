"""Roles from appositions and titles: normalised, quoted exactly, dated by the article."""

from __future__ import annotations

import pytest

from storyline.annotate import annotate
from storyline.annotate.roles import distinct_roles
from storyline.models import Article, Entity, Origin, Role

PUBLISHED = "2020-09-14"


def _article(text: str) -> Article:
    article = Article(id="a1", origin=Origin(path="test"), text=text, published=PUBLISHED)
    return annotate([article])[0]


def _roles(text: str, name: str) -> list[Role]:
    people: dict[str, Entity] = {e.name: e for e in _article(text).entities if e.type == "PERSON"}
    return people[name].roles


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Putin met the President of Belarus, Alexander Lukashenko, in Sochi.",
            "the President of Belarus, Alexander Lukashenko",
        ),
        (
            "Putin met Alexander Lukashenko, the President of Belarus, in Sochi.",
            "Alexander Lukashenko, the President of Belarus",
        ),
        (
            "Putin met Belarusian President Alexander Lukashenko in Sochi.",
            "Belarusian President Alexander Lukashenko",
        ),
    ],
)
def test_roles_read_appositions_in_both_orders_and_titles_alike(text: str, quote: str) -> None:
    roles = _roles(text, "Alexander Lukashenko")
    assert [(r.role, r.quote) for r in roles] == [("President of Belarus", quote)]
    assert text.index(quote) == roles[0].start
    assert roles[0].date == PUBLISHED


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Kremlin spokesman Dmitry Peskov told reporters nothing.", "Dmitry Peskov", "Spokesman of Kremlin"),
        ("Prime Minister Jacinda Ardern spoke in Wellington.", "Jacinda Ardern", "prime minister"),
        ("German Chancellor Angela Merkel spoke in Berlin.", "Angela Merkel", "Chancellor of Germany"),
        ("Russia's president Vladimir Putin did not attend.", "Vladimir Putin", "President of Russia"),
        ("The US President, Joe Biden, said so on Monday.", "Joe Biden", "President of the United States"),
        ("Belarus's interior minister, Ivan Kubrakov, said so.", "Ivan Kubrakov", "Interior Minister of Belarus"),
    ],
)
def test_roles_read_title_before_name(text: str, name: str, role: str) -> None:
    assert [r.role for r in _roles(text, name)] == [role]


def test_roles_normalise_nationality_and_of_forms_to_one_role() -> None:
    text = (
        "Russian President Vladimir Putin flew to Minsk. Vladimir Putin, the President of Russia, said he was pleased."
    )
    roles = _roles(text, "Vladimir Putin")
    assert [r.role for r in roles] == ["President of Russia"]
    assert roles[0].quote == "Russian President Vladimir Putin"


def test_roles_resolve_counterpart_to_the_other_partys_title() -> None:
    text = "Belarusian President Alexander Lukashenko thanked his Russian counterpart Vladimir Putin on Monday."
    roles = _roles(text, "Vladimir Putin")
    assert [(r.role, r.quote) for r in roles] == [("President of Russia", "his Russian counterpart Vladimir Putin")]


def test_roles_keep_counterpart_when_the_other_party_has_no_title() -> None:
    text = "Alexander Lukashenko thanked his Russian counterpart Vladimir Putin on Monday."
    assert [r.role for r in _roles(text, "Vladimir Putin")] == ["counterpart"]


def test_roles_read_age_phrase_as_role_and_age() -> None:
    text = "The 37-year-old opposition leader Svetlana Tikhanovskaya fled to Lithuania."
    roles = _roles(text, "Svetlana Tikhanovskaya")
    assert [r.role for r in roles] == ["opposition leader", "age 37"]
    assert {r.quote for r in roles} == {"The 37-year-old opposition leader Svetlana Tikhanovskaya"}
    assert all(r.start == 0 for r in roles)


def test_roles_read_bare_age_apposition() -> None:
    text = "Alexander Lukashenko, 66, has ruled Belarus since 1994."
    roles = _roles(text, "Alexander Lukashenko")
    assert [(r.role, r.quote) for r in roles] == [("age 66", "Alexander Lukashenko, 66")]


def test_roles_ignore_a_clause_after_a_comma() -> None:
    text = "The talks were led by John Smith, the company said on Tuesday."
    assert _roles(text, "John Smith") == []


def test_role_quotes_are_exact_substrings_at_their_offsets() -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov said Russian President Vladimir Putin met the President of Belarus, "
        "Alexander Lukashenko. Angela Merkel, the 66-year-old German chancellor, was not there."
    )
    roles = [r for e in _article(text).entities for r in e.roles]
    assert len(roles) == 5
    for role in roles:
        assert role.start is not None
        assert text[role.start : role.start + len(role.quote)] == role.quote


def test_roles_leave_describing_adjectives_and_verbs_out_of_the_title() -> None:
    text = (
        "BP said Tony Hayward, the embattled chief executive of BP, would stay. "
        "Protesters opposed President Barack Obama."
    )
    article = _article(text)
    people = {e.name: e for e in article.entities if e.type == "PERSON"}
    assert [r.role for r in people["Tony Hayward"].roles] == ["Chief Executive of BP"]
    assert [(r.role, r.quote) for r in people["Barack Obama"].roles] == [("president", "President Barack Obama")]


def test_roles_keep_acronym_titles_in_capitals() -> None:
    assert [r.role for r in _roles("MP George Galloway spoke in London.", "George Galloway")] == ["MP"]


def test_roles_read_a_country_named_after_the_titled_name() -> None:
    text = "Prime Minister Mette Frederiksen of Denmark said the border would reopen next week."
    roles = _roles(text, "Mette Frederiksen")
    assert [(r.role, r.quote) for r in roles] == [
        ("Prime Minister of Denmark", "Prime Minister Mette Frederiksen of Denmark")]


def test_roles_read_an_apposition_that_follows_the_age() -> None:
    text = "Jacinda Ardern, 38, the prime minister of New Zealand, announced the ban on Thursday."
    assert [r.role for r in _roles(text, "Jacinda Ardern")] == ["age 38", "Prime Minister of New Zealand"]


def test_roles_read_a_present_role_from_a_who_clause() -> None:
    text = "Kaja Kallas, who became Estonia's prime minister in January, visited Kyiv on Monday."
    roles = _roles(text, "Kaja Kallas")
    assert [(r.role, r.quote) for r in roles] == [
        ("Prime Minister of Estonia", "Kaja Kallas, who became Estonia's prime minister")]


def test_roles_ignore_a_past_role_in_a_who_clause() -> None:
    text = "Boris Johnson, who was foreign secretary until 2018, resigned from parliament on Friday."
    assert _roles(text, "Boris Johnson") == []


def test_roles_take_a_name_after_a_title_as_a_person_even_when_ner_says_organisation() -> None:
    assert [r.role for r in _roles("Chancellor Olaf Scholz said Germany would send tanks.", "Olaf Scholz")] == [
        "chancellor"]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Mette Lund, chairwoman of the Swedish Teachers' Union, said members were angry.", "Mette Lund",
         "Chairwoman of the Swedish Teachers' Union"),
        ("The Swedish Teachers' Union's chairwoman, Mette Lund, said members were angry.", "Mette Lund",
         "Chairwoman of the Swedish Teachers' Union"),
        ("The managing director of Shannon Seafoods, Ciarán Walsh, said the plant would be rebuilt.", "Ciarán Walsh",
         "Managing Director of Shannon Seafoods"),
    ],
)  # fmt: skip
def test_roles_read_organisations_with_apostrophes_and_appositions_without_article(
    text: str, name: str, role: str
) -> None:
    assert [r.role for r in _roles(text, name)] == [role]


def test_roles_take_no_relation_to_a_person_for_a_role() -> None:
    assert _roles("Andrew, Queen Elizabeth's third child, said he regretted it.", "Andrew") == []


def test_distinct_roles_keep_different_offices_and_drop_a_bare_title_its_country_form_says() -> None:
    roles = [Role(role=r, quote=r) for r in
             ("Health Minister of Portugal", "health minister", "finance minister", "Finance Minister")]  # fmt: skip
    assert [r.role for r in distinct_roles(roles)] == ["Health Minister of Portugal", "finance minister"]
    same = [Role(role="Head of the Safety Board", quote="a"), Role(role="Head of Safety Board", quote="b")]
    assert [r.quote for r in distinct_roles(same)] == ["a"]


def test_roles_read_an_apposition_that_says_since_when_the_post_is_held() -> None:
    text = "Lena Kowalczyk, Poland's finance minister since 2021, presented the budget on Monday."
    assert [r.role for r in _roles(text, "Lena Kowalczyk")] == ["Finance Minister of Poland"]


def test_a_portfolio_the_recogniser_tags_as_an_organisation_stays_part_of_the_title() -> None:
    text = "The premier will be joined by Energy Minister Ola Brekke and a delegation of 20 executives."
    assert [r.role for r in _roles(text, "Ola Brekke")] == ["Energy minister"]


def test_an_organisation_before_a_title_still_qualifies_it() -> None:
    text = "NATO Secretary General Mark Rutte met Energy Minister Ola Brekke in Oslo on Monday."
    assert [r.role for r in _roles(text, "Mark Rutte")] == ["Secretary General of NATO"]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("The spokesman for the water agency, Tom Berg, said the dam held.", "Tom Berg", "Spokesman for water agency"),
        ("\"It held,\" said a spokeswoman for the Interior Ministry, Anna Lind.", "Anna Lind",
         "Spokeswoman for the Interior Ministry"),
        ("Anna Lind, a spokeswoman for the Interior Ministry, said the dam held.", "Anna Lind",
         "Spokeswoman for the Interior Ministry"),
    ],
)
def test_roles_read_a_post_named_with_for_in_an_apposition(text: str, name: str, role: str) -> None:
    assert [r.role for r in _roles(text, name)] == [role]


def test_roles_read_a_possessive_noun_phrase_after_of_or_for() -> None:
    text = "The head of the prosecutor's office, Ana Lind, said the case was closed."
    assert [r.role for r in _roles(text, "Ana Lind")] == ["Head of prosecutor's office"]


def test_suspect_is_a_role_and_the_place_after_the_name_is_a_home_not_its_qualifier() -> None:
    text = "The 34-year-old suspect, Daniel Kerr of Salem, was arrested on Tuesday, police said."
    assert [r.role for r in _roles(text, "Daniel Kerr")] == ["suspect", "age 34"]


def test_suspect_as_a_verb_before_a_name_is_no_role() -> None:
    assert _roles("Police suspect Daniel Kerr started the fire.", "Daniel Kerr") == []
