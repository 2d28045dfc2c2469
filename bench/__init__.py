"""Benchmarks and load tests of the portal (issue 15): not part of the product.

- `bench/generate.py`: a programme at AVK size or a multiple of it (fixed seed); its areas are
  made by `bench/generate_areas.py` (partners, governance, budget) and `bench/generate_din.py`.
- `bench/pages.py`: the main pages against their floors and the admin, the phase-plan PDF and
  the import, served by gunicorn on PostgreSQL (`make bench`).
- `bench/load.py`: wrk against the portal and the floors (`make load`).
- `bench/import_partners.py`: the 5.000-row partner import.
- `bench/cluster_check.py`: two portal instances on one PostgreSQL (`make cluster-check`), with
  its HTTP client in `bench/http_client.py`.
- `bench/settings.py`, `bench/urls.py`, `bench/floors.py`: the floor views, served only by the
  benchmarks (`DJANGO_SETTINGS_MODULE=bench.settings`).

See bench/README.md.
"""
