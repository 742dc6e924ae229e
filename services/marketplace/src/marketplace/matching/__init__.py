"""Matching: offtakers' demand allocated to cooperatives' supply offers, explained and recorded."""
