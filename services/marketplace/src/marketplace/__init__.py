"""The marketplace service: offtakers' demand meets cooperatives' supply, and the partnership
contracts that follow."""
