"""A cooperative's financing: products and the schedule calculator, applications step by step,
their eligibility and status, signing the akad, loans with schedule, statement and payoff."""
