"""The fund officer's desk: work queues, reviewing applications, servicing loans, bank
statements, the business date and end of day, the collection list."""
