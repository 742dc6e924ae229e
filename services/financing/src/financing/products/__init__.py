"""Financing products, their dated tariffs and eligibility rules."""
