"""Loan servicing (issue 5): from a signed agreement until the money is back in the fund.

How it holds together:

- ``engine`` replays a loan: its schedule (``financing.schedules.engine``, rebuilt from the
  tranches disbursed, or from the principal a reschedule's successor opened with, after any
  opening arrears) and every non-reversed transaction in
  ``(value_date, penalties last, sequence)`` order. Installment paid amounts, overpayment and
  outstanding principal are always derived, never stored, so backdated payments and reversals
  land where they would have had they been recorded in time.
- ``arrears`` ages a replayed loan on a business date (days past due, OJK collectibility 1-5,
  the product's tolerance) and prices penalties per day; ``reprice_penalties`` redoes the closed
  days after a backdated record or a reversal.
- ``quotes`` (payoff, write-off, reschedule preview), ``states`` (the one transition table) and
  ``portfolio`` (NPL, by product and province, cash-back forecast) are pure too.
- ``service`` runs each command: lock (fund for cash, then loan), record, replay, transition,
  then book the difference between what the replay says the loan's accounts hold and what the
  ledger holds for it as one balanced journal entry, refresh the ``loan_accounts`` snapshot (read
  by the ``loan_outstanding_principal`` view the ledger check uses) and write outbox events.
- ``end_of_day`` closes a fund's business days: penalties, arrears, class-change events, and the
  business date moves on. Closing a day already closed does nothing.
- An approved reschedule closes the loan (``closed_rescheduled``, final: nothing more is recorded
  or reversed on it) and opens a successor for the same agreement (``rescheduled_from_id``) with
  the new tenor and grace, in one transaction and one journal entry that moves loans receivable
  between the two (journal lines name their loan). Arrears not capitalised become the
  successor's opening arrears, on their original due dates.
- Fees are charged by an officer (``charge_fee``) and, like end-of-day penalties, are booked only
  when paid (cash-based accounting).
"""
