"""Cooperatives: the registry's record of each one, its member groups and member cooperatives,
and the facts derived from its history."""
