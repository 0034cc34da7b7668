"""`python -m entrypoints` is the `paygate` command."""

from entrypoints.cli import main

main()
