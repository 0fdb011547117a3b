"""Conflict detection over hand-built articles: each kind and its look-alikes."""

from storyline.conflicts import detect
from storyline.models import Article, Entity, EventMention, Origin, Role, Span, Story, TimeExpr

STORY = Story(id="s", title="Belarus")


def article(id, text, outlet=None, events=(), timexes=(), duplicate_of=None, entities=()):
    a = Article(id=id, origin=Origin("t"), text=text, outlet=outlet or id, duplicate_of=duplicate_of,
                published="2020-08-27")
    a.sentences = [Span(0, len(text))]
    a.events = list(events)
    a.timexes = list(timexes)
    a.entities = list(entities)
    return a


def event(article_id, text, date, summary, trigger, numbers=None, entities=(), status="reported"):
    return EventMention(article=article_id, date=date, end=None, granularity="day", status=status,
                        summary=summary, quote=text, quote_start=0, entities=list(entities), trigger=trigger,
                        numbers=numbers or {})


def detained(id, outlet, n, date="2020-08-26", place="Minsk"):
    text = f"Police detained {n} protesters in {place} on Wednesday."
    return article(id, text, outlet, [event(id, text, date, f"Police detained {n} protesters", "detain",
                                            {"detain/people": str(n)}, [place])],
                   entities=[Entity(place, "GPE")])


def kinds(articles):
    return [c.kind for c in detect(STORY, articles)]


# number


def rate(id, outlet, level):
    text = f"The central bank raised its key rate on Thursday to {level}%."
    return article(id, text, outlet, [event(id, text, "2020-08-27", "The central bank raised its key rate",
                                            "raise", {"raise rate to/percent": level})])


def test_two_levels_of_one_rate_decision_give_both_as_percentages():
    [conflict] = detect(STORY, [rate("w", "Wire", "4.5"), rate("h", "Herald", "4.25")])
    assert conflict.kind == "number"
    assert conflict.summary.endswith("; Herald says 4.25%.")


def test_two_shares_of_the_vote_give_both_as_percentages():
    def share(id, outlet, n):
        text = f"Ruiz won {n} percent of the vote on Wednesday."
        return article(id, text, outlet, [event(id, text, "2020-08-26", "Ruiz won the vote", "win",
                                                {"win/percent of vote": n})])

    [conflict] = detect(STORY, [share("w", "Wire", "41"), share("h", "Herald", "44")])
    assert conflict.summary.endswith("; Herald says 44%.")


def test_two_counts_of_one_detention_are_a_number_conflict():
    [conflict] = detect(STORY, [detained("r", "Reuters", 33), detained("t", "TASS", 34)])
    assert conflict.kind == "number"
    assert conflict.summary == "Reuters says police detained 33 protesters on 26 August 2020; TASS says 34."
    assert sorted(c.value for c in conflict.claims) == ["33", "34"]


def test_copy_is_never_a_second_source_only_a_changed_copy():
    copy = detained("c", "Copy", 34)
    copy.duplicate_of = "r"
    [conflict] = detect(STORY, [detained("r", "Reuters", 33), copy])
    assert conflict.summary.startswith("Copy republishes the report of Reuters")


def test_counts_in_different_cities_are_not_a_conflict():
    assert kinds([detained("r", "Reuters", 33), detained("t", "TASS", 12, place="Brest")]) == []


def test_counts_on_different_days_are_not_a_conflict():
    assert kinds([detained("r", "Reuters", 33), detained("t", "TASS", 34, date="2020-08-27")]) == []


def test_same_count_twice_is_not_a_conflict():
    assert kinds([detained("r", "Reuters", 33), detained("t", "TASS", 33)]) == []


def fire_toll(id, outlet, n, published, summary="A fire tore through the block"):
    text = f"{n} people died when a fire tore through the block on Wednesday."
    a = article(id, text, outlet, [event(id, text, "2020-09-09", summary, "die", {"die/people": str(n)},
                                         ["Riga"], status="happened")], entities=[Entity("Riga", "GPE")])
    a.published = published
    return a


def test_a_toll_that_rises_in_a_later_report_is_not_a_conflict():
    night = fire_toll("a", "Daugava Times", 2, "2020-09-09T22:05:00+03:00")
    two_days_on = fire_toll("b", "Baltic Ledger", 4, "2020-09-11T18:20:00+03:00")
    assert kinds([night, two_days_on]) == []


def test_a_later_report_with_a_lower_count_is_a_conflict_that_states_both_counts():
    night = fire_toll("a", "Daugava Times", 4, "2020-09-09T22:05:00+03:00")
    later = fire_toll("b", "Baltic Ledger", 2, "2020-09-11T18:20:00+03:00")
    [conflict] = detect(STORY, [night, later])
    assert conflict.summary == ("Daugava Times says a fire tore through the block (4 people) on 9 September 2020; "
                                "Baltic Ledger says 2.")


WIRE = "MINSK (MPA) - Police detained 33 people at a protest near Independence Square on Wednesday, Viasna said."


def republished(text, published="2020-08-27T12:00:00+03:00"):
    a = article("copy", text, "Harbor City Tribune", duplicate_of="wire")
    a.published = published
    return a


def test_a_copy_that_changed_a_number_of_its_report_is_a_number_conflict():
    wire = article("wire", WIRE, "Meridian Press Agency")
    [conflict] = detect(STORY, [wire, republished(WIRE.replace("33", "34"))])
    assert conflict.kind == "number"
    assert conflict.summary == ("Harbor City Tribune republishes the report of Meridian Press Agency but gives 34 "
                                "where the original says 33.")
    assert [(c.article, c.value) for c in conflict.claims] == [("wire", "33"), ("copy", "34")]


def test_a_faithful_copy_or_a_later_update_with_a_higher_count_is_not_a_conflict():
    wire = article("wire", WIRE, "Meridian Press Agency")
    wire.published = "2020-08-27T09:00:00+03:00"
    assert kinds([wire, republished(WIRE)]) == []
    assert kinds([wire, republished(WIRE.replace("33", "41"), published="2020-08-28T09:00:00+03:00")]) == []


# date


def protest(id, outlet, date, text=None):
    text = text or f"The protest in Minsk on August {date[-2:]} drew thousands of people."
    return article(id, text, outlet, [event(id, text, date, "The protest drew thousands of people", "protest",
                                            entities=["Minsk"], status="happened")],
                   entities=[Entity("Minsk", "GPE")])


def test_one_event_on_two_days_is_a_date_conflict():
    [conflict] = detect(STORY, [protest("r", "Reuters", "2020-08-26"), protest("t", "TASS", "2020-08-27")])
    assert conflict.kind == "date"
    assert conflict.summary == ("Reuters says the protest drew thousands of people on 26 August 2020; "
                                "TASS says 27 August 2020.")


def test_two_dates_for_the_protest_inside_one_article_is_a_date_conflict():
    a = protest("r", "Reuters", "2020-08-26")
    second = "The protest on August 27 drew thousands of people."
    a.events.append(event("r", second, "2020-08-27", "The protest drew thousands of people", "protest",
                          entities=["Minsk"], status="happened"))
    [conflict] = detect(STORY, [a])
    assert conflict.kind == "date" and conflict.summary.startswith("Reuters gives two dates for")


def test_weekly_protests_a_week_apart_are_not_a_date_conflict():
    assert kinds([protest("r", "Reuters", "2020-08-23"), protest("t", "TASS", "2020-08-30")]) == []


def test_another_protest_next_day_is_not_a_date_conflict():
    later = protest("t", "TASS", "2020-08-27", "Another protest in Minsk on August 27 drew thousands of people.")
    assert kinds([protest("r", "Reuters", "2020-08-26"), later]) == []


def test_article_that_knows_both_days_is_not_a_date_conflict():
    a = protest("r", "Reuters", "2020-08-26")
    a.events.append(event("r", "x", "2020-08-27", "A protest drew crowds", "protest", entities=["Minsk"]))
    assert kinds([a, protest("t", "TASS", "2020-08-27")]) == []


def test_planned_dates_are_not_date_conflicts():
    a, b = protest("r", "Reuters", "2020-08-26"), protest("t", "TASS", "2020-08-27")
    b.events[0].status = "planned"
    assert kinds([a, b]) == []


def square_detentions(id, outlet, date, text, numbers=None):
    ev = event(id, text, date, text.split(",")[-1].split(" on ")[0].strip(), "detain", numbers,
               ["Independence Square", "Minsk"], status="happened")
    return article(id, text, outlet, [ev], entities=[Entity("Independence Square", "FAC"), Entity("Minsk", "GPE")])


def test_detentions_at_one_square_a_day_apart_are_a_date_conflict():
    wire = square_detentions("w", "Wire", "2020-08-26",
                             "On Wednesday, police detained 33 people on Independence Square",
                             {"detain/people": "33"})
    later = square_detentions("e", "Eastbound", "2020-08-27",
                              "On August 27, riot police detained dozens of protesters on Independence Square")
    [conflict] = detect(STORY, [wire, later])
    assert conflict.kind == "date"
    assert conflict.summary.endswith("; Eastbound says 27 August 2020.")


def test_detentions_at_one_square_with_other_counts_are_two_events():
    a = square_detentions("a", "A", "2020-08-26", "Police detained 40 people on Independence Square",
                          {"detain/people": "40"})
    b = square_detentions("b", "B", "2020-08-27", "Police detained 12 people on Independence Square",
                          {"detain/people": "12"})
    assert kinds([a, b]) == []


def test_close_counts_on_two_days_at_one_square_are_one_event_with_two_dates():
    a = square_detentions("a", "A", "2020-08-26", "Police detained 33 people on Independence Square",
                          {"detain/people": "33"})
    b = square_detentions("b", "B", "2020-08-25", "Police detained 34 people on Independence Square",
                          {"detain/people": "34"})
    assert kinds([a, b]) == ["date"]


def test_a_marker_in_a_joined_clause_does_not_hide_the_event():
    text = ("On August 27, riot police detained dozens of protesters on Independence Square, and the pressure "
            "continued when classes resumed earlier this month")
    later = square_detentions("e", "Eastbound", "2020-08-27", text)
    later.events[0].summary = "Riot police detained dozens of protesters on Independence Square"
    wire = square_detentions("w", "Wire", "2020-08-26",
                             "On Wednesday, police detained 33 people on Independence Square")
    assert kinds([wire, later]) == ["date"]


def meeting(id, guest, date):
    text = f"Putin met {guest} in Sochi on {date}."
    people = [Entity("Putin", "PERSON"), Entity(guest, "PERSON"), Entity("Sochi", "GPE")]
    return article(id, text, id, [event(id, text, date, f"Putin met {guest}", "meet", None,
                                        ["Putin", guest, "Sochi"], status="happened")], entities=people)


def grounding(id, text, date, subject, island="Hydra"):
    """A report of a ship running aground off an island the recogniser tags NORP."""
    a = article(id, text, id, [event(id, text, date, f"The {subject} ran off {island}", "run", None, [island],
                                     status="happened")], entities=[Entity(island, "NORP")])
    a.events[0].subject = subject
    return a


def test_one_ship_aground_on_two_days_is_a_date_conflict():
    a = grounding("a", "The ferry Morning Tern ran aground off Hydra on Thursday night.", "2024-05-09", "ferry")
    b = grounding("b", "The ferry, which ran aground off Hydra on Friday, was towed to Piraeus.", "2024-05-10", "ferry")
    assert kinds([a, b]) == ["date"]


def test_two_ships_aground_on_two_days_are_not_a_date_conflict():
    a = grounding("a", "The ferry Morning Tern ran aground off Hydra on Thursday night.", "2024-05-09", "ferry")
    b = grounding("b", "A tanker ran aground off Hydra on Friday, the coast guard said.", "2024-05-10", "tanker")
    assert kinds([a, b]) == []


def test_ships_running_off_two_days_without_aground_are_not_a_date_conflict():
    a = grounding("a", "The ferry Morning Tern ran late off Hydra on Thursday.", "2024-05-09", "ferry")
    b = grounding("b", "The ferry ran a new route off Hydra on Friday.", "2024-05-10", "ferry")
    assert kinds([a, b]) == []


def sinking(id, text, date, trigger):
    """A report of the ferry Kisiwa going over on Lake Victoria, in the words of one outlet."""
    a = article(id, text, id, [event(id, text, date, "The ferry went over on Lake Victoria", trigger, None,
                                     ["Lake Victoria"], status="happened")], entities=[Entity("Lake Victoria", "LOC")])
    a.events[0].subject = "ferry"
    return a


def test_a_ferry_that_capsized_on_one_day_and_overturned_on_another_is_a_date_conflict():
    a = sinking("a", "The ferry Kisiwa capsized on Lake Victoria on Thursday.", "2022-09-15", "capsize")
    b = sinking("b", "The ferry Kisiwa overturned on Lake Victoria on Wednesday.", "2022-09-14", "overturn")
    assert kinds([a, b]) == ["date"]


def resignation(id, text, date, person, summary):
    """A report of a resignation naming no place: the person alone ties it to another report."""
    return article(id, text, id, [event(id, text, date, summary, "resign", None, [person], status="happened")],
                   entities=[Entity(person, "PERSON")])


def test_one_persons_resignation_on_two_days_is_a_date_conflict():
    text = "Kenya's embattled Labour Minister Ines Okafor resigned on Tuesday."
    a = resignation("a", text, "2023-06-13", "Ines Okafor", "Kenya's embattled Labour Minister Ines Okafor resigned")
    b = resignation("b", "Okafor, who resigned on Monday, left the capital.", "2023-06-12", "Okafor", "Okafor resigned")
    assert kinds([a, b]) == ["date"]


def test_two_people_resigning_on_two_days_are_not_a_date_conflict():
    text = "Kenya's embattled Labour Minister Ines Okafor resigned on Tuesday."
    a = resignation("a", text, "2023-06-13", "Ines Okafor", "Kenya's embattled Labour Minister Ines Okafor resigned")
    b = resignation("b", "Mbeki, who resigned on Monday, left the capital.", "2023-06-12", "Mbeki", "Mbeki resigned")
    assert kinds([a, b]) == []


def test_one_host_meeting_two_guests_on_two_days_is_not_a_date_conflict():
    assert kinds([meeting("a", "Lukashenko", "2020-09-14"), meeting("b", "Erdogan", "2020-09-15")]) == []


def test_one_meeting_on_two_days_is_a_date_conflict():
    assert kinds([meeting("a", "Lukashenko", "2020-09-14"), meeting("b", "Lukashenko", "2020-09-15")]) == ["date"]


def test_a_name_the_recogniser_missed_still_ties_two_reports():
    text_a = "Prime Minister Jacinda Ardern visited Christchurch on Saturday."
    a = article("a", text_a, "Times", [event("a", text_a, "2019-03-16", "Prime Minister Jacinda Ardern visited "
                                             "Christchurch", "visit", None, ["Jacinda Ardern"], "happened")],
                entities=[Entity("Jacinda Ardern", "PERSON")])
    text_b = "Ardern visited Christchurch on Sunday, March 17."
    b = article("b", text_b, "Ledger", [event("b", text_b, "2019-03-17", "Ardern visited Christchurch", "visit",
                                              status="happened")])
    [conflict] = detect(STORY, [a, b])
    assert conflict.summary.startswith("Times says Prime Minister Jacinda Ardern visited Christchurch on 16 March")


# role


def test_person_meeting_themself_is_a_role_conflict():
    [conflict] = detect(STORY, [article("t", "On Monday Lukashenko will meet Lukashenko in Sochi.", "TASS")])
    assert conflict.kind == "role"
    assert conflict.summary.startswith("TASS has Lukashenko meeting Lukashenko")
    assert conflict.claims[0].quote == "On Monday Lukashenko will meet Lukashenko in Sochi."


def test_person_with_country_after_the_name_meeting_themself_is_a_role_conflict():
    text = "Prime Minister Sipho Ndlovu of Lesotho will hold talks with Sipho Ndlovu in Maseru on Friday."
    [conflict] = detect(STORY, [article("t", text, "Highveld Post")])
    assert conflict.kind == "role"
    assert conflict.summary.startswith("Highveld Post has Sipho Ndlovu meeting Sipho Ndlovu")


def test_minister_with_a_portfolio_title_meeting_themself_is_a_role_conflict():
    text = "Transport Minister Ilona Varga met Ilona Varga at the depot on Tuesday, the ministry said."
    [conflict] = detect(STORY, [article("t", text, "Danube Daily")])
    assert conflict.kind == "role"
    assert conflict.summary.startswith("Danube Daily has Ilona Varga meeting Ilona Varga")


def test_minister_with_a_portfolio_title_meeting_a_namesake_is_not_a_conflict():
    text = "Transport Minister Ilona Varga met Peter Varga at the depot on Tuesday."
    assert kinds([article("t", text, "Danube Daily")]) == []


def test_titled_leader_of_a_country_meeting_another_person_is_not_a_conflict():
    text = "Prime Minister Sipho Ndlovu of Lesotho will hold talks with Thabo Ndlovu in Maseru on Friday."
    assert kinds([article("t", text, "Highveld Post")]) == []


def test_meeting_a_namesake_with_another_first_name_is_not_a_conflict():
    assert kinds([article("t", "Alexander Lukashenko met Viktor Lukashenko in Minsk.", "TASS")]) == []


def test_possessive_is_not_self_action():
    assert kinds([article("t", "Lukashenko met Lukashenko's security council on Monday.", "TASS")]) == []


def test_two_presidents_of_one_country_in_one_story_is_a_role_conflict():
    a = article("r", "Belarusian President Alexander Lukashenko met troops.", "Reuters")
    b = article("t", "President of Belarus Mikhail Myasnikovich spoke on TV.", "TASS")
    [conflict] = detect(STORY, [a, b])
    assert conflict.kind == "role"
    assert "President of Belarus" in conflict.summary
    assert {c.value for c in conflict.claims} == {"Alexander Lukashenko: President of Belarus",
                                                   "Mikhail Myasnikovich: President of Belarus"}


def test_presidents_of_two_countries_are_not_a_conflict():
    a = article("r", "Belarusian President Alexander Lukashenko met Russian President Vladimir Putin.", "Reuters")
    assert kinds([a]) == []


def test_former_president_beside_the_president_is_not_a_conflict():
    a = article("r", "Belarusian President Alexander Lukashenko met former Belarusian President Stanislav Shushkevich.")
    assert kinds([a]) == []


def test_one_person_president_of_two_countries_is_a_role_conflict():
    a = article("r", "Belarusian President Alexander Lukashenko arrived in Sochi.", "Reuters")
    b = article("t", "Russian President Alexander Lukashenko arrived in Sochi.", "Gazeta")
    [conflict] = detect(STORY, [a, b])
    assert conflict.summary == ("Reuters and Gazeta call Alexander Lukashenko both President of Belarus "
                                "and President of Russia.")


def test_roles_from_the_entity_annotator_are_used():
    text = "Mr Myasnikovich spoke on TV."
    a = article("t", text, "TASS", entities=[Entity("Mikhail Myasnikovich", "PERSON", roles=[
        Role("President of Belarus", "Mr Myasnikovich", 0)])])
    b = article("r", "Belarusian President Alexander Lukashenko met troops.", "Reuters")
    assert kinds([a, b]) == ["role"]


# timex issues


def test_weekday_mismatch_is_a_garbled_date():
    text = "Protests began on Tuesday, August 10, 2020."
    t = TimeExpr("Tuesday, August 10, 2020", 18, 42, "2020-08-10", "day", issue="weekday_mismatch")
    [conflict] = detect(STORY, [article("r", text, "Reuters", timexes=[t])])
    assert conflict.kind == "garbled_date"
    assert conflict.summary == 'Reuters writes "Tuesday, August 10, 2020", but 10 August 2020 was a Monday.'


def test_impossible_date_is_an_impossible_date_conflict():
    text = "The vote was moved to February 30."
    t = TimeExpr("February 30", 22, 33, None, None, issue="impossible")
    [conflict] = detect(STORY, [article("r", text, "Reuters", timexes=[t])])
    assert conflict.kind == "impossible_date"
    assert conflict.claims[0].quote == text


def test_every_claim_quote_is_exact_article_text():
    arts = [detained("r", "Reuters", 33), detained("t", "TASS", 34),
            article("x", "Lukashenko will meet Lukashenko in Sochi.", "X")]
    by_id = {a.id: a for a in arts}
    for conflict in detect(STORY, arts):
        for c in conflict.claims:
            text = by_id[c.article].text
            assert text[c.quote_start : c.quote_start + len(c.quote)] == c.quote


def test_ages_years_apart_for_one_person_are_a_role_conflict():
    def aged(id, outlet, age):
        text = f"Alexander Lukashenko, {age}, spoke on Monday."
        return article(id, text, outlet, entities=[Entity("Alexander Lukashenko", "PERSON", roles=[
            Role(f"age {age}", f"Alexander Lukashenko, {age}", 0)])])

    [conflict] = detect(STORY, [aged("r", "Reuters", 66), aged("t", "TASS", 62)])
    assert conflict.summary == "TASS gives Alexander Lukashenko's age as 62; Reuters as 66."
    assert kinds([aged("r", "Reuters", 66), aged("t", "TASS", 65)]) == []


def test_one_detention_of_one_person_on_two_days_is_a_date_conflict():
    def held(id, outlet, day, date):
        text = f"Masked men detained Maria Kolesnikova in Minsk on {day}."
        return article(id, text, outlet, [event(id, text, date, "Masked men detained Maria Kolesnikova", "detain",
                                                entities=["Maria Kolesnikova", "Minsk"], status="happened")],
                       entities=[Entity("Maria Kolesnikova", "PERSON"), Entity("Minsk", "GPE")])

    reports = [held("r", "Reuters", "Monday", "2020-09-07"), held("g", "Gazeta", "Tuesday", "2020-09-08")]
    [conflict] = detect(STORY, reports)
    assert conflict.summary == ("Reuters says masked men detained Maria Kolesnikova on 7 September 2020; "
                                "Gazeta says 8 September 2020.")


def blast(id, outlet, date, text, trigger, subject):
    return article(id, text, outlet, [EventMention(
        article=id, date=date, end=None, granularity="day", status="reported", summary=text.rstrip("."),
        quote=text, quote_start=0, entities=["Tolvik"], trigger=trigger, subject=subject)],
        entities=[Entity("Tolvik", "GPE")])


def test_an_explosion_told_with_a_verb_and_named_by_its_noun_is_one_event_with_two_dates():
    told = blast("a", "Baltic Wire", "2024-10-14", "An explosion ripped through the silo in Tolvik.",
                 "rip", "explosion")
    named = blast("b", "Fjord Radio", "2024-10-13", "The explosion in Tolvik was caused by a gas leak.",
                  "explosion", None)
    assert kinds([told, named]) == ["date"]


def test_a_verb_whose_subject_is_no_event_noun_keeps_its_own_kind():
    told = blast("a", "Baltic Wire", "2024-10-14", "A truck ripped through the fence in Tolvik.", "rip", "truck")
    named = blast("b", "Fjord Radio", "2024-10-13", "The explosion in Tolvik was caused by a gas leak.",
                  "explosion", None)
    assert kinds([told, named]) == []


def test_explosions_at_two_named_sites_in_one_town_are_two_events():
    refinery = blast("a", "Baltic Wire", "2024-10-14", "An explosion shook the Nordoil refinery in Tolvik.",
                     "shake", "explosion")
    shop = blast("b", "Fjord Radio", "2024-10-13", "The explosion at the Lysgaard shop in Tolvik was an accident.",
                 "explosion", None)
    refinery.events[0].entities.append("Nordoil")
    refinery.entities.append(Entity("Nordoil", "ORG"))
    shop.events[0].entities.append("Lysgaard")
    shop.entities.append(Entity("Lysgaard", "ORG"))
    assert kinds([refinery, shop]) == []


def phone(id, date, text, trigger, people):
    entities = [Entity(name, "PERSON") for name in people]
    return article(id, text, id, [event(id, text, date, text.rstrip("."), trigger, None, people)],
                   entities=entities)


def test_a_telephone_call_and_speaking_by_phone_between_the_same_two_people_is_one_call():
    call = phone("a", "2024-06-11", "Tomas Riquelme and Ana Quispe agreed in a telephone call to meet.", "call",
                 ["Tomas Riquelme", "Ana Quispe"])
    spoke = phone("b", "2024-06-12", "Riquelme and Quispe spoke by phone.", "speak", ["Quispe"])
    assert kinds([call, spoke]) == ["date"]


def test_speaking_to_the_press_is_no_phone_call():
    call = phone("a", "2024-06-11", "Tomas Riquelme and Ana Quispe agreed in a telephone call to meet.", "call",
                 ["Tomas Riquelme", "Ana Quispe"])
    spoke = phone("b", "2024-06-12", "Riquelme and Quispe spoke to reporters.", "speak", ["Quispe"])
    assert kinds([call, spoke]) == []
