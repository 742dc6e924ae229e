"""Commodities the marketplace trades: reference data, units with their size in the base unit,
and quality grades."""
