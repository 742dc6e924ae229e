"""Restructuring follows the cooperative: offers, proposals and contracts of a merged or split
cooperative move to its successor."""
