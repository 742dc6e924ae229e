"""Documents the fund asked for: a fund officer's request for a kind of document on an
application, fulfilled when the applicant attaches one of that kind."""
