"""Restructurings: mergers (penggabungan), fusions (peleburan) and spin-offs (pemekaran usaha),
and the lineage they leave between cooperatives."""
