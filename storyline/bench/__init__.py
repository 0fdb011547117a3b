"""Benchmarks: how fast each stage runs as the archive grows."""
