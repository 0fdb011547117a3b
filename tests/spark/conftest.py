"""One local[2] SparkSession for the whole test session, and the bundled examples run through both paths."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark", reason="pyspark is not installed: pip install -e '.[spark]'")
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    from storyline.spark.session import get_session

    session = get_session("local[2]")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def spark_run(spark: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Run spark ingest + spark stories on examples/ and load the result; return the summaries and paths."""
    from storyline.api import Storyline
    from storyline.spark import ingest, stories

    out = tmp_path_factory.mktemp("spark") / "run"
    ingested = ingest.run(spark, [str(EXAMPLES)], str(out))
    clustered = stories.run(spark, str(out))
    db = out.parent / "spark.db"
    with Storyline(db) as sl:
        loaded = sl.load(out)
    return {"out": out, "db": db, "ingest": ingested, "stories": clustered, "load": loaded}


@pytest.fixture(scope="session")
def single_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The single-machine ingest of examples/."""
    from storyline.api import Storyline

    db = tmp_path_factory.mktemp("single") / "single.db"
    with Storyline(db) as sl:
        sl.ingest([str(EXAMPLES)])
    return db
