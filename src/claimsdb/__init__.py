"""claimsdb: turn news articles into a database of who said what, and when."""

__version__ = "0.1.0"
