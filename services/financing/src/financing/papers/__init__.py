"""Papers people sign and keep: the akad with its schedule, and the loan statement, as PDFs."""
