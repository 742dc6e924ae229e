"""The OpenID Connect provider: people sign in here and clients get their tokens."""
