"""Health assessments (Permenkop 9/2020): a cooperative's score and category, one per year."""
