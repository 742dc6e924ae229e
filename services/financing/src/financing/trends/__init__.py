"""Fund reports month by month: the NPL trend and money disbursed against money repaid."""
