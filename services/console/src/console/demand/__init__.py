"""The offtaker's side of the market: its profile, demand posted and managed, matching run and
its split across cooperatives with the reasons, and how each cooperative has delivered."""
