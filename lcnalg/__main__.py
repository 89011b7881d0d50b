"""``python -m lcnalg`` runs the command line."""

from lcnalg.cli import entry_point

entry_point()
