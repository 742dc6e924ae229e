"""The fund committee's decisions on applications: approve with conditions, decline, send back."""
