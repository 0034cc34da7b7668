"""End-to-end tests of the production stack with real processes."""
