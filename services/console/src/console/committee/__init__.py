"""The fund committee's pages: the approval queue and deciding an application."""
