"""HTTP routers, dependencies and error mapping."""
