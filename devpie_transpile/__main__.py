"""`python -m devpie_transpile`: the same command as the console script."""

from .cli import main

main()
