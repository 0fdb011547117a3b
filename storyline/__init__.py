"""storyline: raw news in, clean dated articles, stories, timelines and conflicts out."""

__version__ = "0.1.0"
