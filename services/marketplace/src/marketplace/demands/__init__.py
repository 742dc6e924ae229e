"""Demand: what offtakers need, from a draft through matching and allocation to its close."""
