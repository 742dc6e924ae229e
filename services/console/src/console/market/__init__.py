"""The market as its parties work it: a cooperative's supply offers; proposals with whose turn
it is and when they lapse (accept, counter, reject) for both parties; contracts with their
milestones, deliveries (the cooperative's notice, the offtaker's acceptance or rejection) and
disputes."""
