"""The SparkSession storyline's Spark jobs run in: local or on a cluster, set up the same way.

Under ``spark-submit`` the session's master and settings come from the command
line (``--master``, ``--conf``) and win; run directly, storyline starts
``local[*]`` with a few settings that keep small jobs fast.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

APP_NAME = "storyline"
DEFAULT_MASTER = "local[*]"
# Shuffle partitions for local runs: Spark's default (200) makes a small job spend
# its time scheduling empty tasks.
LOCAL_SHUFFLE_PARTITIONS = 4


def get_session(master: str | None = None, *, app_name: str = APP_NAME) -> SparkSession:
    """Return the active SparkSession, or a new one on ``master`` (default: local[*], or spark-submit's)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        from storyline.errors import UsageError

        raise UsageError("Spark is not installed: pip install 'storyline[spark]' (pyspark>=4.0,<5)") from None
    active = SparkSession.getActiveSession()
    if active is not None and master is None:
        return active
    if master is None and not under_spark_submit():
        master = DEFAULT_MASTER
    builder = SparkSession.builder.appName(app_name).config("spark.sql.session.timeZone", "UTC")
    if master is not None:
        builder = builder.master(master)
    if master is not None and master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers import storyline from this env
        builder = (builder.config("spark.sql.shuffle.partitions", str(LOCAL_SHUFFLE_PARTITIONS))
                   .config("spark.ui.enabled", "false"))
    return builder.getOrCreate()


def under_spark_submit() -> bool:
    """True when spark-submit started this Python process (its JVM hands over a gateway port)."""
    return "PYSPARK_GATEWAY_PORT" in os.environ
