"""Bulk import of cooperatives from CSV or JSON lines, one batch per upload."""
