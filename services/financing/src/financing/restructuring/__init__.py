"""Restructuring follows the cooperative: loans and applications of a merged or split
cooperative move to its successor."""
