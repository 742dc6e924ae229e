"""The replay engine: a loan's position derived from its schedule and its transactions, no I/O."""
