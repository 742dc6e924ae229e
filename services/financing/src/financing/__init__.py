"""The financing service: the revolving fund (dana bergulir), its ledger, products, applications
and loans."""
