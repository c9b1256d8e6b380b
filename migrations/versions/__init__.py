"""Schema revisions, oldest first. Update claimsdb.db.HEAD_REVISION when adding one."""
