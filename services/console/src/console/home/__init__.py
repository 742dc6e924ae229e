"""The home page: what needs the signed-in person now."""
