"""A cooperative's own record: the registry's profile with what it may edit, RATs, health,
mentoring, member groups and products; and the home page's "what needs us now"."""
