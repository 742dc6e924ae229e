"""Offtakers: the buyers (processors, exporters, retailers, state-owned enterprises) and their
profiles."""
