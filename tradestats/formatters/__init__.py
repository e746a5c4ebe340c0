"""Renderers: each turns records from ``tradestats.models`` into text, nothing more."""
