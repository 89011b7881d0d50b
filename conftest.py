"""Pytest configuration: doctests of lcnalg/ are collected, except the module runner."""

collect_ignore = ["lcnalg/__main__.py"]
