"""``python -m govbudget`` runs the command line."""

from .cli import main

if __name__ == "__main__":  # not when a worker process imports the main module again
    raise SystemExit(main())
