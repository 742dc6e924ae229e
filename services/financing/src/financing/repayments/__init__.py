"""Repayments: receipts and their allocation, payoff, recoveries, overpayment refunds, fees,
reversals, and the closed loop from marketplace deliveries."""
