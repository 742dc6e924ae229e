"""People: person accounts, memberships, invitations, password reset, second factor, sign-in
throttling and the person's own data (UU 27/2022, see docs/privacy.md)."""
