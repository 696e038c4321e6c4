"""`python -m sitrep_parse` behaves exactly like the `sitrep-parse` command."""

from .cli import main

if __name__ == "__main__":
    main()
