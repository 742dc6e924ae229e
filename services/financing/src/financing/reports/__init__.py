"""Fund reports: portfolio by collectibility, product and province, flows, position history,
cash forecast."""
