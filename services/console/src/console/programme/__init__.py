"""The ministry's programme view: cooperatives by phase and readiness band, by province and
cohort, mentoring, and the progress to the target of modern cooperatives, as charts drawn on the
server (each with its table and a sentence), filters and a CSV export."""
