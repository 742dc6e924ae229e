"""API clients and the OAuth2 token issuer for the whole platform."""
