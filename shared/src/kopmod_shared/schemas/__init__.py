"""Schemas that cross service boundaries (what one service answers and another reads)."""
