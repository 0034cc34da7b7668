"""The HTTP adapter: the Litestar app, its routes, DTOs, error mapping, middleware and OpenAPI."""
