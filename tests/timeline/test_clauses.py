"""Readable event summaries: datelines, relative pronouns, infinitives, reporting verbs, "since" dates."""

from storyline.timeline.events import extract_events


def summaries(parsed, text, timexes, **kw):
    article, doc = parsed(text, timexes, **kw)
    return [e.summary for e in extract_events(article, doc)]


def test_dateline_is_not_part_of_the_summary(parsed):
    text = "MINSK — Tens of thousands of people marched through the centre of Minsk on Sunday."
    assert summaries(parsed, text, [("Sunday", "2020-09-06", "day")], published="2020-09-07") == [
        "Tens of thousands of people marched through the centre of Minsk"]


def test_agency_dateline_with_its_own_date_yields_no_event(parsed):
    text = "LIMA, Aug 22 (Reuters) - A strong earthquake shook southern Peru before dawn on Saturday."
    got = summaries(parsed, text, [("Aug 22", "2020-08-22", "day"), ("Saturday", "2020-08-22", "day")],
                    published="2020-08-22")
    assert got == ["A strong earthquake shook southern Peru"]


def test_date_after_since_starts_a_state_not_an_event(parsed):
    text = "Lukashenko, who has ruled Belarus since 1994, denies the vote was rigged."
    assert summaries(parsed, text, [("1994", "1994", "year")]) == []


def test_relative_pronoun_is_replaced_by_its_antecedent(parsed):
    text = "The Hawks now go into the promotion qualifiers, which start on March 7."
    assert summaries(parsed, text, [("March 7", "2020-03-07", "day")], published="2020-02-23") == [
        "The promotion qualifiers start"]


def test_relative_subject_pronoun_becomes_the_person_it_stands_for(parsed):
    text = "Maria Kolesnikova, who was detained on Monday, tore up her passport at the border."
    assert summaries(parsed, text, [("Monday", "2020-09-07", "day")], published="2020-09-09") == [
        "Maria Kolesnikova was detained"]


def test_infinitive_takes_its_governing_subject_and_verb(parsed):
    text = "The two presidents agreed to meet during a telephone call last week, the Kremlin said."
    assert summaries(parsed, text, [("last week", "2020-W35", "week")], published="2020-09-04") == [
        "The two presidents agreed to meet during a telephone call"]


def test_infinitive_climbs_through_a_predicative_adjective(parsed):
    text = "Talks on a new loan are expected to continue next month."
    assert summaries(parsed, text, [("next month", "2020-10", "month")], published="2020-09-04") == [
        "Talks on a new loan are expected to continue"]


def test_pronoun_subject_gets_the_speaker_of_the_reported_clause(parsed):
    text = "The national accident investigation board said it would send a team to Hallsberg on Sunday."
    assert summaries(parsed, text, [("Sunday", "2020-02-23", "day")], published="2020-02-22") == [
        "The national accident investigation board said it would send a team"]


def test_reporting_verb_without_what_was_said_yields_no_event(parsed):
    text = "Asked about the bridge, municipal officials declined to comment and would not say on Saturday."
    assert summaries(parsed, text, [("Saturday", "2020-02-22", "day")], published="2020-02-23") == []


def test_relative_clause_gets_its_antecedent_as_object(parsed):
    text = "The Kremlin confirmed a meeting the two leaders first announced at the end of August."
    assert summaries(parsed, text, [("the end of August", "2020-08", "month")], published="2020-09-11") == [
        "The two leaders announced a meeting"]


def test_saying_is_dropped_when_what_was_said_has_its_own_date(parsed):
    text = "Lukashenko will hold talks with Putin in Moscow on Monday, the Kremlin said on Friday."
    got = summaries(parsed, text, [("Monday", "2020-09-14", "day"), ("Friday", "2020-09-11", "day")],
                    published="2020-09-11")
    assert got == ["Lukashenko will hold talks with Putin in Moscow"]


def test_possessive_date_leaves_a_definite_subject(parsed):
    text = "Wednesday's arrests were the largest in the capital for a week."
    assert summaries(parsed, text, [("Wednesday", "2020-08-26", "day")]) == [
        "The arrests were the largest in the capital"]


def test_date_describing_a_noun_does_not_date_the_clause(parsed):
    text = "Protesters called on him to step down after the disputed August 9 presidential election."
    assert summaries(parsed, text, [("August 9", "2020-08-09", "day")]) == []


def test_past_tense_mistagged_as_participle_still_yields_the_event(parsed):
    text = "The Prime Minister of New Zealand, Jacinda Ardern, announced on Thursday a ban on military-style weapons."
    assert summaries(parsed, text, [("Thursday", "2019-03-21", "day")], published="2019-03-21") == [
        "The Prime Minister of New Zealand announced a ban on military style weapons"]


def test_a_condition_is_not_an_event(parsed):
    text = "The strike will end if union members approve the deal in a vote on Tuesday."
    assert summaries(parsed, text, [("Tuesday", "2020-09-15", "day")], published="2020-09-15") == []


def test_plan_stated_with_due_to_keeps_its_subject(parsed):
    text = "Prime Minister Ilze Kalnina is due to meet the union on Monday."
    assert summaries(parsed, text, [("Monday", "2020-09-14", "day")], published="2020-09-11") == [
        "Prime Minister Ilze Kalnina is due to meet the union"]


def test_date_after_until_bounds_a_state_not_an_event(parsed):
    text = "The port operator's contract with the city runs until 2022."
    assert summaries(parsed, text, [("2022", "2022", "year")], published="2020-09-11") == []


def test_a_name_set_off_beside_a_title_stays_in_the_summary(parsed):
    text = ("Chile's President, Tomas Riquelme, and Peruvian President Ana Quispe agreed in a telephone call "
            "on Tuesday to meet in the coming weeks.")
    got = summaries(parsed, text, [("Tuesday", "2024-06-11", "day")], published="2024-06-12")
    assert got and "Tomas Riquelme" in got[0] and "," not in got[0]


def test_an_age_set_off_beside_a_name_stays_out_of_the_summary(parsed):
    text = "Tomas Riquelme, 58, resigned as mayor on Tuesday."
    assert summaries(parsed, text, [("Tuesday", "2024-06-11", "day")], published="2024-06-12") == [
        "Tomas Riquelme resigned as mayor"]


def test_a_name_in_apposition_without_commas_stays_in_the_summary(parsed):
    text = ("The lawyer of the former governor Tomas Riquelme told the court on Wednesday that the case "
            "against him rested on one witness.")
    got = summaries(parsed, text, [("Wednesday", "2024-06-12", "day")], published="2024-06-13")
    assert got and "Tomas Riquelme" in got[0]


def test_named_person_with_a_full_verb_is_an_event_in_two_words(parsed):
    text = "Okonjo, who resigned on March 3, thanked the party for its support."
    assert summaries(parsed, text, [("March 3", "2021-03-03", "day")], published="2021-03-05") == ["Okonjo resigned"]


def test_a_noun_subject_with_a_full_verb_is_an_event_in_two_words(parsed):
    text = "Voting ended on Sunday, March 2, and counting began at once."
    assert summaries(parsed, text, [("Sunday, March 2", "2025-03-02", "day")], published="2025-03-03") == [
        "Voting ended"]


def test_two_words_with_a_pronoun_subject_are_no_event(parsed):
    text = "It ended on March 3, and nobody noticed."
    assert summaries(parsed, text, [("March 3", "2021-03-03", "day")], published="2021-03-05") == []


def test_plural_noun_read_as_a_verb_gives_way_to_the_real_verb(parsed):
    text = "Senator Alma Ruiz visited the Lagoa pipeline works on September 2."
    assert summaries(parsed, text, [("September 2", "2020-09-02", "day")], published="2020-09-11") == [
        "Senator Alma Ruiz visited the Lagoa pipeline works"]


def test_a_long_object_of_a_preposition_is_cut_not_dropped(parsed):
    text = ("An explosion tore through a fertiliser storage depot in the Croatian port of Rijeka early on Tuesday, "
            "killing seven workers, police said.")
    assert summaries(parsed, text, [("Tuesday", "2023-03-14", "day")], published="2023-03-14") == [
        "An explosion tore through a fertiliser storage depot"]


def test_a_reported_participle_with_its_own_subject_reads_as_the_past(parsed):
    text = ("A passenger ferry capsized on Lake Victoria on Thursday near Ukerewe island, killing at least 44 people, "
            "Tanzania's transport minister said on Friday.")
    got = summaries(parsed, text, [("Thursday", "2022-09-15", "day"), ("Friday", "2022-09-16", "day")],
                    published="2022-09-16")
    assert got == ["A passenger ferry capsized on Lake Victoria"]
