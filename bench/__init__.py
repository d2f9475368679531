"""Benchmarks: each stage against a reference measured in the same run (``make bench``)."""
