"""Hand-written news articles for the story clustering tests."""

from __future__ import annotations

from storyline.models import Article, Origin, TimeExpr

TEXTS = {
    "bridge": (
        "Pittsburgh bridge collapses into Frick Park ravine",
        "The Fern Hollow Bridge in Pittsburgh collapsed early on Friday, sending a city bus and four cars "
        "into the ravine of Frick Park. Ten people suffered minor injuries, fire chief Darryl Jones said. "
        "The steel bridge carried Forbes Avenue over the ravine and had been rated in poor condition "
        "by state inspectors. Rescuers rappelled down the snowy slope to reach the bus passengers.",
    ),
    "bridge2": (
        "Inspectors had warned about Fern Hollow Bridge before collapse",
        "State inspectors rated the Fern Hollow Bridge in poor condition for a decade before it collapsed "
        "into Frick Park on Friday, records show. The steel span on Forbes Avenue fell with a bus on it; "
        "rescuers pulled passengers up the ravine and ten people were hurt. Federal investigators from the "
        "National Transportation Safety Board arrived in Pittsburgh to examine the collapsed bridge.",
    ),
    "hockey": (
        "Penguins beat Flyers in overtime thriller",
        "Sidney Crosby scored in overtime as the Pittsburgh Penguins beat the Philadelphia Flyers 4-3 on "
        "Friday night at PPG Paints Arena. Jake Guentzel had two goals and Tristan Jarry made 31 saves. "
        "The Penguins extended their winning streak to six games and moved into second place in the "
        "Metropolitan Division standings.",
    ),
    "quake_turkey": (
        "Magnitude 6.8 earthquake strikes eastern Turkey",
        "A magnitude 6.8 earthquake struck Elazig province in eastern Turkey on Friday evening, "
        "toppling buildings in the town of Sivrice and killing at least 22 people, the disaster agency AFAD "
        "said. Rescuers searched the rubble of collapsed apartment blocks in freezing temperatures as "
        "aftershocks shook the region around Lake Hazar.",
    ),
    "quake_turkey2": (
        "Death toll rises in Elazig earthquake",
        "The death toll from the earthquake in Elazig province rose to 29 as rescuers pulled survivors from "
        "collapsed buildings in Sivrice, AFAD said on Saturday. The magnitude 6.8 quake near Lake Hazar left "
        "more than 1,400 injured and thousands slept in tents in eastern Turkey as aftershocks continued.",
    ),
    "quake_elazig_2010": (
        "Magnitude 6.0 earthquake kills 41 in eastern Turkey",
        "A magnitude 6.0 earthquake struck Elazig province in eastern Turkey before dawn on Monday, "
        "toppling old stone and mud-brick houses in the villages of Okcular and Yukari Kanatli near "
        "Karakocan and killing at least 41 people. Most victims were asleep; the government sent troops "
        "and field hospitals, and Prime Minister Erdogan said the houses would be rebuilt in concrete.",
    ),
    "quake_mexico": (
        "Magnitude 7.4 earthquake shakes southern Mexico",
        "A magnitude 7.4 earthquake struck near Crucecita in the state of Oaxaca in southern Mexico on "
        "Tuesday, killing at least six people, the civil protection agency said. Buildings swayed in Mexico "
        "City hundreds of kilometres away and a tsunami warning was issued for the Pacific coast of Oaxaca.",
    ),
    "late_strong": (
        "Fern Hollow Bridge collapse report blames rusted steel",
        "Three months after the Fern Hollow Bridge collapsed into the Frick Park ravine in Pittsburgh, "
        "the National Transportation Safety Board said rusted steel legs failed. The bridge on Forbes "
        "Avenue fell with a bus on it and ten people were hurt. State inspectors had rated the bridge in "
        "poor condition; rescuers had rappelled down the ravine to reach the bus passengers.",
    ),
    "late_weak": (
        "Pittsburgh reviews condition of city bridges",
        "Pittsburgh officials began a review of the condition of the city's bridges on Monday, after "
        "the collapse in Frick Park. "
        "Inspectors will examine steel spans across the city, the mayor said, and the public works "
        "department asked for more money for repairs of roads and bridges.",
    ),
    "visit": (
        "Biden and Buttigieg promise infrastructure money at Pittsburgh collapse site",
        "President Joe Biden and Transportation Secretary Pete Buttigieg promised federal infrastructure "
        "money at the site of the collapse in Pittsburgh on Friday, standing beside Mayor Ed Gainey. The "
        "infrastructure law sets aside $1.6 billion for Pennsylvania to repair structurally deficient "
        "bridges, Buttigieg said, and the span will be rebuilt.",
    ),
    "rebuild": (
        "Buttigieg visits collapsed Fern Hollow Bridge, promises infrastructure money",
        "Transportation Secretary Pete Buttigieg visited the collapsed Fern Hollow Bridge in Pittsburgh on "
        "Friday with President Joe Biden and Mayor Ed Gainey, and promised federal infrastructure money. "
        "The steel bridge on Forbes Avenue collapsed into the Frick Park ravine early on Friday with a city "
        "bus on it; ten people suffered minor injuries. The infrastructure law sets aside "
        "$1.6 billion for Pennsylvania to repair structurally deficient bridges, Buttigieg said.",
    ),
    "aid": (
        "Fern Hollow Bridge: federal money promised for rebuilding",
        "Federal money will pay for a new Fern Hollow Bridge, Transportation Secretary Pete Buttigieg said "
        "during a visit to Pittsburgh. The federal infrastructure law sets aside funds for replacing "
        "structurally deficient bridges, and the Frick Park span will be rebuilt within a year, officials "
        "said at the site on Forbes Avenue.",
    ),
    "railway": (
        "Slovenia and Croatia agree to upgrade Ljubljana-Zagreb railway",
        "The Prime Minister of Slovenia, Mira Kovac, and the Prime Minister of Croatia, Ivan Babic, agreed in "
        "Ljubljana on Thursday to upgrade the railway between the two capitals so that trains can cover the "
        "route in under two hours. The governments will share the cost of about 600 million euros, with help "
        "from European Union funds. Work on the Slovenian section, which runs along the Sava through Krsko, "
        "is due to start in 2023. The infrastructure ministers will sign a detailed agreement next month.",
    ),
    "flood": (
        "Two dead, 400 evacuated as river floods Slovenian town",
        "Two people died and 400 were evacuated after the Sava burst its banks in Krsko early on Friday, "
        "civil protection spokesman Marko Vidmar said. Water stood a metre deep in the old centre, "
        "firefighters rescued residents from rooftops with boats, and soldiers filled sandbags along the "
        "embankment while volunteers carried pensioners to the school gym. Forecasters expect more heavy rain "
        "over the weekend; the hydrological agency warned that tributaries could overflow and cut off "
        "villages downstream. Kovac will tour the flooded streets on Saturday.",
    ),
}


def make(key: str, published: str | None = "2022-01-28", outlet: str = "example.com",
         article_id: str | None = None) -> Article:
    """Return the article with this fixture text."""
    title, text = TEXTS[key]
    return Article(id=article_id or key, origin=Origin(f"{key}.html"), text=text, title=title,
                   published=published, outlet=outlet)


def dated(article: Article, day: str) -> Article:
    """Return the article with one resolved time expression: its event happened on ``day``."""
    article.timexes = [TimeExpr(text=day, start=0, end=0, value=day, granularity="day")]
    return article
