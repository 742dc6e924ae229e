"""Proposals: one cooperative's share of a demand, negotiated in turns, ending in a contract."""
