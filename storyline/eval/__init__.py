"""Evaluation scripts: score each stage against public data sets."""
