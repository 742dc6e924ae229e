"""The platform operator's desk: API clients (create, rotate a secret, deactivate), webhook
endpoints with their deliveries and replay, people, memberships and invitations, and the
registry's audit trail searched by person, object and date."""
