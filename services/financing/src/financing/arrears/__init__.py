"""Arrears: the fund's business date, end of day, days past due, OJK collectibility and
penalties."""
