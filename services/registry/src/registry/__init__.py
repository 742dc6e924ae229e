"""The registry service: the cooperatives themselves (their record, RATs, health, products,
modernisation and restructurings), and the identity of every API client."""
