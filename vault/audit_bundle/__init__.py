"""The audit export bundle: a folder an auditor checks on their own machine, without the vault.

`files` holds the formats, `export` writes a bundle from an open vault, `check` verifies one with
no vault at all, `table` writes the CSV copy and `report` the PDF; `verify_template` is the
short verifier copied into every bundle as `verify.py`.
"""
