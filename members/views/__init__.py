"""Admin views of the members app: reports and privacy requests."""
