from claimsdb.cli import app

app(prog_name="claims")
