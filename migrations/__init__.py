"""Alembic migrations: the only way claimsdb's schema is created or changed.

Shipped inside the package as ``claimsdb.migrations`` so that an installed ``claims`` can upgrade
a database from any working directory (see claimsdb.db).
"""
