"""HTTP route handlers, one module per group of API.md."""
