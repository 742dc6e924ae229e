"""The ministry's registry desk: register and edit cooperatives, bulk import with the per-row
error report, RATs and health assessments, and restructuring with its preview and the lineage
drawn as a graph."""
