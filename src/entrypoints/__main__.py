"""`python -m entrypoints` is the `paygate` command."""

from entrypoints.runtime.cli import main

main()
