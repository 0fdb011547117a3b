"""The plain-text cleaner: title, publication line, byline, boilerplate and teaser removal."""

# ruff: noqa: E501  (the fake dumps keep one paragraph per line, as real dumps do)

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.extract.text import clean_text

TODAY = date(2026, 11, 23)

# An Indian wire dump: publication line first, byline with a place, inline ads and share prompts,
# a copyright line, a closing update stamp and a "More from" block of headline + truncated blurb teasers.
WIRE_DUMP = """Published 07:12 IST, March 3rd 2021
Flood waters recede in Assam as relief camps begin to close
By Priya Raman | Guwahati

Water levels in the Brahmaputra fell below the danger mark at Neamatighat on Tuesday, officials said, allowing thousands of families to leave relief camps set up across six districts of the state.
Advertisement
The Assam State Disaster Management Authority said 41 camps had closed since the weekend. About 12,000 people remain in the camps that are still open, most of them in Morigaon and Nagaon.

"The worst is over, but the damage to roads and embankments will take months to repair," said district commissioner Anil Bora, who toured the worst-hit villages by boat on Monday.
Share this article
Share on WhatsApp

Farmers in Morigaon said standing crops on more than 8,000 hectares were lost. The agriculture department has begun a survey to assess compensation, which it expects to finish within three weeks.

The Brahmaputra and its tributaries flood every monsoon, but this year's waters arrived unusually early, in late February, after heavy rain in Arunachal Pradesh.
ADVERTISEMENT
Health workers have been asked to watch for water-borne diseases in the villages where the water is receding.
Follow us on Twitter and Facebook for the latest updates
© 2021 Northeast Wire Services. All rights reserved.
Last Updated 09:40 IST, March 3rd 2021

More from Northeast Wire
Tea estates count losses after second wave of rain
Growers in Upper Assam say yields could fall by a fifth this season as...
Guwahati smart city project misses another deadline
The municipal corporation blamed the pandemic and a shortage of contractors for the…
"""

# A WordPress blog post: "Posted on ... by ..." line, share and like widgets, then a comment section.
BLOG_DUMP = """Harbour council approves new ferry timetable after months of complaints
Posted on September 15, 2020 by Ewan MacLeod

Councillors in Port Ellis voted 7-2 on Monday to adopt a revised ferry timetable, ending a dispute that began when the operator cut evening sailings in the spring.

The new schedule adds two late crossings on weekdays and a Sunday morning sailing. It takes effect on October 5, the council said in a statement after the meeting.

Residents had collected more than 3,000 signatures. "We were cut off after six o'clock," said shopkeeper Mairi Lennox, who organised the petition. "That is not a timetable, that is a curfew."

The operator, Firth Lines, said it had hired four additional crew members this year and would review demand after six months. A spokesperson said fuel costs remained the main pressure on fares.

Islanders who commute to the mainland for work or hospital appointments had complained that the last boat left before most shifts ended.

Share this:
Twitter
Facebook
Like this:
Like Loading...
%d bloggers like this:
3 thoughts on “Harbour council approves new ferry timetable after months of complaints”
Donald Grant says:
About time. My daughter has been staying with friends on the mainland two nights a week.
Reply
Leave a Reply Cancel reply
Your email address will not be published. Required fields are marked *
"""

# A US wire story: cookie banner, capitals byline with the agency, an "Updated" stamp with EDT,
# ad breaks, the agency's copyright notice and a closing run of standalone headlines.
US_DUMP = """We use cookies to personalise content and ads. By continuing to browse this site you agree to our use of cookies.
Wildfire forces evacuation of two mountain towns
By JANE DOE and ROBERT KIM Associated Press
Updated: Sep 11, 2020, 09:15 AM EDT

Crews battled a fast-moving wildfire in the Sierra foothills on Thursday as authorities ordered thousands of residents in two mountain towns to leave their homes.

The fire had burned about 14,000 acres by evening and was 5% contained, the state forestry agency said. Strong winds pushed flames across a highway late Wednesday, closing it in both directions.
Story continues below advertisement
"We packed the car in 10 minutes," said Linda Alvarez, who fled with her two children and a dog. "You could see the glow over the ridge."

No deaths have been reported. Two firefighters were treated for heat exhaustion, officials said.
ADVERTISEMENT
Forecasters expect the winds to ease over the weekend, which could give crews a chance to build containment lines around the towns.
Copyright 2020 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.
Storm drains overwhelmed as rain lashes the coast
Five things to know about the state budget deal
Why home prices keep climbing in the valley
Lottery jackpot climbs after no winner again
"""

# A UK-style dump without any date line; the body dates its events ("Monday 14 September", "in 2020").
UNDATED_DUMP = """Councils warn of cuts as funding gap widens

Local authorities in England face a funding gap of £2.6bn next year, a council leaders' body said on Monday 14 September, warning that libraries and leisure centres could close.
Image caption: A library in Leeds closed in 2019
The Local Government Association said the cost of adult social care had risen faster than expected in 2020, and that councils had used up much of their reserves during the pandemic.

Its chairman said the government had "listened" but that promises made in the spring had not yet been met. Ministers will set out their spending plans on Wednesday 25 November.

The Treasury said it had given councils £4.6bn of extra funding since March and would continue to support them.

Related Topics
Local government
Public spending
More on this story
Councils 'face cuts without more cash'
Libraries closing at record rate
Top Stories
Virus cases rise sharply in the north-west
"""


def test_clean_text_reads_wire_dump_title_date_zone_and_byline() -> None:
    found = clean_text(WIRE_DUMP, TODAY)
    assert found.title == "Flood waters recede in Assam as relief camps begin to close"
    assert found.published == "2021-03-03T07:12:00+05:30"
    assert found.published_from == "text"
    assert found.author == "Priya Raman"


def test_clean_text_removes_wire_dump_boilerplate_and_teasers() -> None:
    found = clean_text(WIRE_DUMP, TODAY)
    assert found.removed == [
        "Published 07:12 IST, March 3rd 2021",
        "By Priya Raman | Guwahati",
        "Advertisement",
        "Share this article",
        "Share on WhatsApp",
        "ADVERTISEMENT",
        "Follow us on Twitter and Facebook for the latest updates",
        "© 2021 Northeast Wire Services. All rights reserved.",
        "Last Updated 09:40 IST, March 3rd 2021",
        "More from Northeast Wire",
        "Tea estates count losses after second wave of rain",
        "Growers in Upper Assam say yields could fall by a fifth this season as...",
        "Guwahati smart city project misses another deadline",
        "The municipal corporation blamed the pandemic and a shortage of contractors for the…",
    ]
    assert found.text.startswith("Water levels in the Brahmaputra fell")
    assert found.text.endswith("where the water is receding.")


def test_clean_text_keeps_paragraph_breaks_and_splits_at_removed_lines() -> None:
    paragraphs = clean_text(WIRE_DUMP, TODAY).text.split("\n\n")
    assert paragraphs[0].endswith("six districts of the state.")
    assert paragraphs[1].startswith("The Assam State Disaster Management Authority")
    assert len(paragraphs) == 6


def test_clean_text_cuts_blog_comment_section_and_like_widgets() -> None:
    found = clean_text(BLOG_DUMP, TODAY)
    assert found.title == "Harbour council approves new ferry timetable after months of complaints"
    assert found.published == "2020-09-15"
    assert found.published_from == "text"
    assert found.author == "Ewan MacLeod"
    assert found.text.endswith("before most shifts ended.")
    for line in ("Like this:", "%d bloggers like this:", "Reply", "Leave a Reply Cancel reply", "Twitter"):
        assert line in found.removed
    assert "My daughter has been staying" not in found.text


def test_clean_text_reads_us_dump_with_capitals_byline_and_edt_stamp() -> None:
    found = clean_text(US_DUMP, TODAY)
    assert found.title == "Wildfire forces evacuation of two mountain towns"
    assert found.author == "Jane Doe and Robert Kim"
    assert found.published == "2020-09-11T09:15:00-04:00"
    assert found.removed[0].startswith("We use cookies")


def test_clean_text_drops_closing_run_of_standalone_headlines() -> None:
    found = clean_text(US_DUMP, TODAY)
    assert found.text.endswith("around the towns.")
    assert found.removed[-4:] == [
        "Storm drains overwhelmed as rain lashes the coast",
        "Five things to know about the state budget deal",
        "Why home prices keep climbing in the valley",
        "Lottery jackpot climbs after no winner again",
    ]
    assert "Story continues below advertisement" in found.removed
    assert not any(line.startswith("Copyright") for line in found.text.split("\n"))


def test_clean_text_infers_undated_dump_from_weekday_and_years() -> None:
    found = clean_text(UNDATED_DUMP, TODAY)
    assert found.published == "2020-09-14"
    assert found.published_from == "inferred"


def test_clean_text_removes_related_topics_and_story_lists() -> None:
    found = clean_text(UNDATED_DUMP, TODAY)
    assert found.text.endswith("would continue to support them.")
    assert "Libraries closing at record rate" in found.removed
    assert "Virus cases rise sharply in the north-west" in found.removed
    assert "Image caption: A library in Leeds closed in 2019" in found.removed


def test_clean_text_keeps_body_lines_that_start_like_prompts() -> None:
    body = [
        "Share prices fell 4% in early trading.",
        "Follow-up tests are planned this week.",
        "Like many of us, she had doubts.",
        "By Tuesday, the river had crested.",
        "Comments from the minister drew criticism.",
        "Copyright lawyers said the ruling was narrow.",
        "Related charges were dropped in 2019.",
        "Advertising revenue fell 12% in the quarter.",
        "Twitter and Facebook removed the posts.",
        "Search teams found the boat on Sunday.",
    ]
    found = clean_text("Markets slide as tech shares tumble\n\n" + "\n\n".join(body), TODAY)
    assert found.removed == []
    assert found.text.split("\n\n") == body


def test_clean_text_removes_teaser_pairs_inside_the_text() -> None:
    raw = (
        "Mayor unveils plan to plant 10,000 trees\n\n"
        "The mayor said on Wednesday the city would plant 10,000 trees across its parks.\n\n"
        "Old bridge to close for repairs\n"
        "Engineers found cracks in two supports during a routine inspection last week and...\n"
        "School meals price rise approved\n"
        "Parents will pay 20 pence more per meal from January after councillors voted…\n\n"
        "Officials said the first 2,000 saplings would go into the ground this autumn.\n"
    )
    found = clean_text(raw, TODAY)
    assert found.text == (
        "The mayor said on Wednesday the city would plant 10,000 trees across its parks.\n\n"
        "Officials said the first 2,000 saplings would go into the ground this autumn."
    )
    assert len(found.removed) == 4


def test_clean_text_does_not_take_teaser_date_for_publication_date() -> None:
    raw = (
        "Factory fire contained after six hours\n\n"
        "Firefighters contained a blaze at a paint factory in the industrial zone on Sunday.\n\n"
        "You may also like\n"
        "Library reopens after refit\n"
        "Sep 10, 2020\n"
        "The central library welcomed readers back on Monday after an eight-month…\n"
    )
    found = clean_text(raw, TODAY)
    assert found.published is None
    assert found.published_from is None
    assert "Sep 10, 2020" in found.removed


def test_clean_text_normalises_crlf_tabs_and_non_breaking_spaces() -> None:
    raw = "\r\n\r\nCouncil budget passed\r\n\r\nThe council\u00a0passed its\tbudget.\r\nAdvertisement\r\nIt adds new bins.\r\n\r\n"
    found = clean_text(raw, TODAY)
    assert found.title == "Council budget passed"
    assert found.text == "The council passed its budget.\n\nIt adds new bins."
    assert found.removed == ["Advertisement"]


def test_clean_text_removes_unlabelled_date_stamp_closing_the_text() -> None:
    raw = "Published 18:48 IST, August 30th 2020\nDam gates opened\n\nWater was released at noon.\n30 August 2020 19:10 IST\n"
    found = clean_text(raw, TODAY)
    assert found.text == "Water was released at noon."
    assert found.removed == ["Published 18:48 IST, August 30th 2020", "30 August 2020 19:10 IST"]
    assert found.published == "2020-08-30T18:48:00+05:30"


def test_clean_text_reads_numeric_day_first_date_line() -> None:
    found = clean_text("11/09/2020 12:30\nDam repairs finish ahead of schedule\n\nWork ended early.", TODAY)
    assert found.published == "2020-09-11T12:30:00"
    assert found.title == "Dam repairs finish ahead of schedule"


# A Reuters-style dump: navigation, a section kicker, a date line split by " / " with a relative stamp,
# a reading-time line, the reporting credit and the agency's standards line.
MARKETS_DUMP = """Skip to main content
Home > Business > Energy
BUSINESS NEWS
Oil prices slip as demand worries offset supply cuts
Sep 14, 2020 / 10:03 AM / Updated 3 hours ago
By Ahmad Karimi
3 Min Read

LONDON (Reuters) - Oil prices fell on Monday as a resurgence of coronavirus cases in several countries clouded the outlook for fuel demand, offsetting support from a storm in the Gulf of Mexico.

Brent crude futures were down 41 cents, or 1%, at $39.42 a barrel by 0906 GMT, while U.S. crude slipped 38 cents.

"The market is still looking for direction," said one analyst in Singapore, adding that refinery margins remained weak.

Reporting by Ahmad Karimi; Editing by Jason Noble
Our Standards: The Thomson Reuters Trust Principles.
"""


def test_clean_text_reads_split_date_line_and_drops_navigation_and_credits() -> None:
    found = clean_text(MARKETS_DUMP, TODAY)
    assert found.title == "Oil prices slip as demand worries offset supply cuts"
    assert found.published == "2020-09-14T10:03:00"
    assert found.author == "Ahmad Karimi"
    assert found.text.startswith("LONDON (Reuters) - Oil prices fell")
    assert found.text.endswith("refinery margins remained weak.")
    assert found.removed[:3] == ["Skip to main content", "Home > Business > Energy", "BUSINESS NEWS"]
    assert "3 Min Read" in found.removed


def test_clean_text_keeps_a_closing_list_that_belongs_to_the_article() -> None:
    raw = (
        "Band announces summer tour\n\n"
        "The band will play 20 dates across North America this summer, its first tour in five years.\n\n"
        "June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre\n"
        "June 10 – Tampa, FL @ Credit Union Amphitheatre\n"
        "June 14 – Alpharetta, GA @ Bank Amphitheatre\n"
        "June 17 – Nashville, TN @ Bridgestone Arena\n"
    )
    found = clean_text(raw, TODAY)
    assert found.removed == []
    assert found.text.endswith("June 17 – Nashville, TN @ Bridgestone Arena")


def test_clean_text_keeps_short_lines_after_an_introduction_with_a_colon() -> None:
    raw = (
        "What the new rules change for renters\n\n"
        "The law, passed on Tuesday, gives tenants three new rights:\n"
        "Longer notice before any rent increase\n"
        "A cap on deposits for furnished flats\n"
        "Free mediation when repairs are refused\n"
    )
    assert clean_text(raw, TODAY).removed == []


def test_clean_text_marks_role_line_under_byline_and_section_label_above_title() -> None:
    raw = (
        "THE VALLEY GAZETTE\nWater board raises rates for second time this year\n\nBy MARTA LOPEZ\nStaff Writer\n\n"
        "The Valley Water Board voted 4-1 on Thursday to raise\nresidential rates by 6 percent.\n"
    )
    found = clean_text(raw, TODAY)
    assert found.title == "Water board raises rates for second time this year"
    assert found.author == "Marta Lopez"
    assert found.removed == ["THE VALLEY GAZETTE", "By MARTA LOPEZ", "Staff Writer"]
    assert found.text == "The Valley Water Board voted 4-1 on Thursday to raise\nresidential rates by 6 percent."


def test_clean_text_removes_comment_prompt_before_the_body_without_cutting_the_body() -> None:
    raw = "Comments (4)\nSchool reopens after flood repairs\n\nPupils returned on Monday after a month away.\n"
    found = clean_text(raw, TODAY)
    assert found.text == "Pupils returned on Monday after a month away."
    assert found.removed == ["Comments (4)"]


def test_clean_text_does_not_take_an_unspaced_cjk_paragraph_for_a_kicker() -> None:
    raw = "東京都は月曜日、新しい防災計画を発表した。計画は来年から実施される。\n\n都の担当者は説明した。"
    found = clean_text(raw, TODAY)
    assert found.title is None
    assert found.removed == []


@pytest.mark.parametrize("raw", ["", "   \n\t\n", "Advertisement\nShare this story\n© 2020 Some Agency.\n"])
def test_clean_text_returns_empty_text_for_empty_or_boilerplate_only_dump(raw: str) -> None:
    found = clean_text(raw, TODAY)
    assert found.text == ""
    assert found.title is None


def test_clean_text_finds_no_title_when_dump_starts_with_prose() -> None:
    raw = "The river rose two metres overnight, forcing the closure of the lower town.\nResidents left by boat."
    found = clean_text(raw, TODAY)
    assert found.title is None
    assert found.text.startswith("The river rose")


def test_clean_text_handles_a_long_single_line() -> None:
    line = "The committee met again and talked at length about the budget. " * 60_000  # about 4 MB
    found = clean_text(line, TODAY)
    assert found.text == line.strip()
    assert found.title is None
    assert found.removed == []


_LINES = st.one_of(
    st.sampled_from(
        [
            "Advertisement",
            "Share this article",
            "Leave a comment",
            "© 2019 Some Wire.",
            "Related stories",
            "Published 10:00 GMT, 3 May 2019",
            "By Ana Silva",
            "Five things to know about the vote",
            "Officials said the bridge would reopen in May...",
            "The minister said the plan was fair.",
            "",
        ]
    ),
    st.text(max_size=80),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, max_size=25), st.sampled_from(["\n", "\r\n", "\n\n", "\r"]))
def test_clean_text_never_raises_and_never_keeps_a_removed_line(lines: list[str], joiner: str) -> None:
    found = clean_text(joiner.join(lines), TODAY)
    removed = set(found.removed)
    assert not any(line in removed for line in found.text.split("\n"))
    assert "" not in removed


def test_clean_text_removes_a_newsroom_byline() -> None:
    dump = (
        "Published 16:40, 11 September 2020\n"
        "Prime minister to meet dockers on Monday\n"
        "By Evening Post staff\n\n"
        "Latvia's prime minister will meet the leaders of the striking dockworkers on Monday, her office said.\n"
    )
    found = clean_text(dump, TODAY)
    assert found.author == "Evening Post staff"
    assert "By Evening Post staff" in found.removed and "staff" not in found.text


# --- mastheads and the outlet ----------------------------------------------------------------------

LEAD = "Nurses in Portugal will stage a 48-hour national strike from Thursday over pay, the nurses' union said on Friday."
SECOND = "Union president Helena Saraiva said the walkout could affect tens of thousands of appointments."


def _dump(*head: str) -> str:
    return "\n".join([*head, "", LEAD, "", SECOND, ""])


@pytest.mark.parametrize(
    ("head", "outlet"),
    [
        (["Portugal News Digest", "Published: 07/07/2023 15:02", "", "Nurses to strike for 48 hours"],
         "Portugal News Digest"),
        (["Published 13/07/2023 18:05", "Nurses to strike for 48 hours", "Atlantic Post (English edition)"],
         "Atlantic Post"),
        (["Nurses to strike for 48 hours", "Tuesday 18 April 2023 – 09:12", "Connacht Courier Online | News | Galway City"],
         "Connacht Courier Online"),
        (["Nurses to strike for 48 hours", "12 September 2023", "The Copenhagen Observer"], "The Copenhagen Observer"),
        (["The Times of India", "Nurses to strike for 48 hours"], "The Times of India"),
        (["Harbour Press | Sport | Local", "Nurses to strike for 48 hours"], "Harbour Press"),
        (["Brennholt Local - your town, your news", "Nurses to strike for 48 hours"], "Brennholt Local"),
        (["Fjordside Courier | news for the whole coast", "Nurses to strike for 48 hours"], "Fjordside Courier"),
        # a tagline about news marks the masthead though "Lisbon Abroad" does not end as a paper's name does
        (["Lisbon Abroad - news for expats in Portugal", "Posted on 14 July 2023 by admin", "Nurses to strike for 48 hours"],
         "Lisbon Abroad"),
        (["Alentejo Health Watch", "Nurses to strike for 48 hours", "Posted on July 14, 2023 by editors"],
         "Alentejo Health Watch"),
        (["Iberian Labour Review", "Nurses to strike for 48 hours", "Posted 14 July 2023"], "Iberian Labour Review"),
    ],
)
def test_clean_text_takes_the_outlet_from_a_masthead_and_the_title_from_the_headline(head: list[str], outlet: str) -> None:
    found = clean_text(_dump(*head), TODAY)
    assert found.title == "Nurses to strike for 48 hours"
    assert found.outlet == outlet
    masthead = next(line for line in head if line.startswith(outlet))
    assert masthead in found.removed and outlet not in found.text
    assert found.text == f"{LEAD}\n\n{SECOND}"


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # title case, ends like a paper's name, but reads as a headline
        (["Minister Quits Over Facebook Post"], "Minister Quits Over Facebook Post"),
        (["World News", "Nurses to strike"], "Nurses to strike"),  # a section label: a kicker, not a masthead
        (["Harbour Daily News"], "Harbour Daily News"),  # a paper's name, but nothing else can be the title
        (["Pay Talks - what the nurses want"], "Pay Talks - what the nurses want"),  # a tagline, but no other title
    ],
)
def test_clean_text_keeps_a_title_case_headline_that_only_looks_like_a_masthead(head: list[str], title: str) -> None:
    found = clean_text(_dump(*head), TODAY)
    assert found.outlet is None and found.title == title
    assert found.text == f"{LEAD}\n\n{SECOND}"


def test_clean_text_takes_a_head_line_that_a_copyright_line_names_as_the_masthead() -> None:
    dump = _dump("Tagus Valley Report", "Published 14 July 2023", "", "Nurses to strike for 48 hours")
    found = clean_text(f"{dump}\nCopyright 2023 Tagus Valley Report. All rights reserved.\n", TODAY)
    assert found.title == "Nurses to strike for 48 hours" and found.outlet == "Tagus Valley Report"
    assert "Tagus Valley Report" in found.removed and found.text == f"{LEAD}\n\n{SECOND}"


def test_clean_text_keeps_a_headline_as_the_title_though_a_copyright_line_names_someone() -> None:
    dump = _dump("Nurses to strike for 48 hours", "Published 14 July 2023")
    found = clean_text(f"{dump}\nCopyright 2023 Tagus Valley Report. All rights reserved.\n", TODAY)
    assert found.title == "Nurses to strike for 48 hours" and found.outlet is None


def test_clean_text_keeps_a_body_line_that_names_the_masthead() -> None:
    body = "The Copenhagen Observer first reported the proposal on Monday."
    found = clean_text(_dump("Nurses to strike", "The Copenhagen Observer") + f"\n{body}\n", TODAY)
    assert found.outlet == "The Copenhagen Observer" and body in found.text


@pytest.mark.parametrize(
    "prompt",
    [
        "Subscribe to Portugal News Digest for daily updates",
        "Newsletter: Get The Copenhagen Observer in your inbox every morning",
        "Sign up for our free daily briefing",
        "Get the Harbour Press app",
    ],
)
def test_clean_text_removes_subscription_prompts(prompt: str) -> None:
    found = clean_text(_dump("Harbour Press", "Nurses to strike for 48 hours") + f"\n{prompt}\n", TODAY)
    assert prompt in found.removed and found.text == f"{LEAD}\n\n{SECOND}"


def test_clean_text_keeps_reporting_about_subscriptions() -> None:
    line = "Subscribers get daily updates on waiting times, the ministry said."
    found = clean_text(_dump("Nurses to strike") + f"\n{line}\n", TODAY)
    assert line in found.text


def test_clean_text_takes_the_outlet_from_a_copyright_line_only_when_the_byline_names_it() -> None:
    signed = _dump("Kessling derailment: investigators focus on worn rail", "By Anna Gruber, Upper Austria Today")
    copyright_line = "© 2023 Upper Austria Today. All rights reserved."
    assert clean_text(f"{signed}\n{copyright_line}\n", TODAY).outlet == "Upper Austria Today"
    unsigned = _dump("Kessling derailment: investigators focus on worn rail")
    assert clean_text(f"{unsigned}\n{copyright_line}\n", TODAY).outlet is None  # a wire's footer on someone's page


def test_clean_text_drops_a_subscription_prompt_naming_a_masthead_with_a_slogan() -> None:
    prompt = "Subscribe to Brennholt Local for 1 krone the first month"
    found = clean_text(_dump("Brennholt Local - your town, your news", "Nurses to strike for 48 hours") + prompt, TODAY)
    assert found.title == "Nurses to strike for 48 hours" and prompt in found.removed


def test_clean_text_keeps_a_headline_with_a_dash_and_lower_case_words_as_the_title() -> None:
    found = clean_text(_dump("Nurses to strike - what the union wants"), TODAY)
    assert found.outlet is None and found.title == "Nurses to strike - what the union wants"
