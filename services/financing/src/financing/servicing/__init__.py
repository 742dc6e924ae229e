"""Loan servicing: disbursement, repayment, arrears, closing and reports (issue 5)."""
