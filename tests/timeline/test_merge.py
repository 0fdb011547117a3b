"""Cross-article merge of hand-built event mentions."""

from storyline.models import Article, EventMention, Origin, Story
from storyline.timeline import build
from storyline.timeline.merge import merge


def mention(article, date, summary, trigger, entities=(), status="happened", gran="day"):
    return EventMention(article=article, date=date, end=None, granularity=gran, status=status,
                        summary=summary, quote=summary + ".", quote_start=0, entities=list(entities),
                        trigger=trigger)


def article(id, duplicate_of=None):
    return Article(id=id, origin=Origin("t"), text="", duplicate_of=duplicate_of)


def test_same_event_in_two_articles_becomes_one_entry_with_both_sources():
    mentions = [
        mention("reuters", "2020-09-07", "Masked men detained Maria Kolesnikova", "detain", ["Maria Kolesnikova"]),
        mention("bbc", "2020-09-07", "Unknown men seized Kolesnikova in Minsk", "detain", ["Maria Kolesnikova"]),
    ]
    [event] = merge(mentions, [article("reuters"), article("bbc")])
    assert [s.article for s in event.sources] == ["reuters", "bbc"]
    assert event.entities == ["Maria Kolesnikova"]


def test_copy_of_an_article_counts_once():
    mentions = [
        mention("reuters", "2020-09-07", "Masked men detained Maria Kolesnikova", "detain", ["Maria Kolesnikova"]),
        mention("copy", "2020-09-07", "Masked men detained Maria Kolesnikova", "detain", ["Maria Kolesnikova"]),
    ]
    [event] = merge(mentions, [article("reuters"), article("copy", duplicate_of="reuters")])
    assert [s.article for s in event.sources] == ["reuters"]


def test_copy_whose_original_is_absent_still_counts():
    mentions = [mention("copy", "2020-09-07", "Men detained Kolesnikova", "detain", ["Maria Kolesnikova"])]
    [event] = merge(mentions, [article("copy", duplicate_of="elsewhere")])
    assert event.sources[0].article == "copy"


def test_same_action_on_different_days_stays_two_events():
    mentions = [
        mention("a", "2020-08-23", "Protesters marched through Minsk", "march", ["Minsk"]),
        mention("b", "2020-08-30", "Protesters marched through Minsk", "march", ["Minsk"]),
    ]
    events = merge(mentions, [article("a"), article("b")])
    assert [e.date for e in events] == ["2020-08-23", "2020-08-30"]


def test_different_events_on_one_day_stay_apart():
    mentions = [
        mention("a", "2020-09-07", "Masked men detained Maria Kolesnikova", "detain", ["Maria Kolesnikova"]),
        mention("b", "2020-09-07", "Lukashenko met Russian Prime Minister Mishustin", "meet", ["Lukashenko"]),
    ]
    assert len(merge(mentions, [article("a"), article("b")])) == 2


def test_one_act_told_with_two_verbs_by_two_outlets_is_one_entry():
    mentions = [
        mention("courier", "2023-03-08", "Austria's transport minister said she would travel to the site", "travel",
                ["Katrin Hollaus"], status="planned"),
        mention("wire", "2023-03-08", "Transport Minister Katrin Hollaus was due to visit the site", "visit",
                ["Katrin Hollaus"], status="planned"),
    ]
    [event] = merge(mentions, [article("courier"), article("wire")])
    assert [s.article for s in event.sources] == ["courier", "wire"]


def test_one_person_doing_two_things_on_one_day_stays_two_entries():
    mentions = [
        mention("a", "2023-03-08", "Minister Katrin Hollaus will meet union leaders", "meet", ["Katrin Hollaus"]),
        mention("b", "2023-03-08", "Minister Katrin Hollaus will open the new hospital wing", "open",
                ["Katrin Hollaus"]),
    ]
    assert len(merge(mentions, [article("a"), article("b")])) == 2


def test_month_report_joins_the_day_report_and_the_day_wins():
    mentions = [
        mention("a", "2020-09", "Lukashenko met Putin in Sochi", "meet", ["Lukashenko", "Putin"], gran="month"),
        mention("b", "2020-09-14", "Lukashenko met Putin", "meet", ["Lukashenko", "Putin"]),
    ]
    [event] = merge(mentions, [article("a"), article("b")])
    assert event.date == "2020-09-14" and event.granularity == "day"
    assert len(event.sources) == 2


def test_planned_then_happened_is_happened():
    mentions = [
        mention("a", "2020-09-14", "Lukashenko will meet Putin", "meet", ["Lukashenko", "Putin"], status="planned"),
        mention("b", "2020-09-14", "Lukashenko met Putin", "meet", ["Lukashenko", "Putin"]),
    ]
    [event] = merge(mentions, [article("a"), article("b")])
    assert event.status == "happened"


def test_entry_that_happened_is_summarised_by_a_report_that_it_happened():
    mentions = [
        mention("a", "2020-09-14", "Lukashenko will meet Putin in Sochi", "meet", ["Lukashenko", "Putin"],
                status="planned"),
        mention("b", "2020-09-14", "Lukashenko will meet Putin", "meet", ["Lukashenko", "Putin"], status="planned"),
        mention("c", "2020-09-14", "Lukashenko met Putin", "meet", ["Lukashenko", "Putin"]),
    ]
    [event] = merge(mentions, [article("a"), article("b"), article("c")])
    assert (event.status, event.summary) == ("happened", "Lukashenko met Putin")


def test_build_uses_only_the_story_articles_in_date_order():
    a, b, other = article("a"), article("b"), article("other")
    a.events = [mention("a", "2020-09-14", "Lukashenko met Putin", "meet", ["Putin"])]
    b.events = [mention("b", "2020-08-09", "Belarus held a presidential election", "hold", ["Belarus"])]
    other.events = [mention("other", "2020-08-01", "Something unrelated happened", "happen")]
    story = Story(id="s1", title="Belarus", articles=["a", "b"])
    assert [e.date for e in build(story, [a, b, other])] == ["2020-08-09", "2020-09-14"]


def test_entity_timeline_collects_one_entity_across_stories_by_date():
    from storyline.models import Event
    from storyline.timeline import entity_timeline

    first = Event("2020-09-14", None, "day", "happened", "Lukashenko met Putin", ["Alexander Lukashenko", "Putin"])
    second = Event("2020-08-09", None, "day", "happened", "Lukashenko claimed victory", ["Alexander Lukashenko"])
    other = Event("2020-08-10", None, "day", "happened", "Tsikhanouskaya left", ["Svetlana Tsikhanouskaya"])
    found = entity_timeline("alexander lukashenko", {"summit": [first], "election": [second, other]})
    assert [(story, e.date) for story, e in found] == [("election", "2020-08-09"), ("summit", "2020-09-14")]
