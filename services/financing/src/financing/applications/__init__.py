"""Financing applications: from draft to a signed agreement (akad)."""
