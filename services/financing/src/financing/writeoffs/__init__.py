"""Write-off: a loan's outstanding principal moved to losses, the loan closed."""
