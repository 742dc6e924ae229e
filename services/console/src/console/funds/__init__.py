"""The fund dashboard: position, collectibility, NPL trend, disbursed against repaid, cash
forecast, each an accessible SVG chart with its data table, a text summary and a CSV."""
