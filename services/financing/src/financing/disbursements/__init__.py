"""Disbursements: tranches of a signed agreement paid out of the fund's cash."""
