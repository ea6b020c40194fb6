"""Command line (placeholder until the subcommands land)."""


def run_cli(argv: list[str]) -> int:
    return 0
