"""A cooperative's product mix: what it makes, processed or not, for which markets."""
