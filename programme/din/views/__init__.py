"""The DIN's pages, one module per part: the overview and health, editing its items, efforts,
working groups, indicators and measurements, the Excel transfer, the diagram and planning.
programme/urls.py imports each module."""
