"""The programme's DIN: lines, goals, efforts, working groups, indicators and measurements, with
the diagram, planning, health, the Excel transfer, reminders and the partner section. Builds on
programme.core, partners and avk."""
