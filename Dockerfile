# The portal as a container image, following docs/deploy.md step by step (no Docker engine is
# needed to build the rest of the project; tests/avk/test_deploy_files.py keeps this file honest).
#
#   docker build -t avk-portal .
#   docker run --env-file /etc/avk/avk.env -v /srv/avk/media:/srv/avk/media avk-portal \
#       python manage.py migrate --noinput        # once per upgrade, before the new version serves
#   docker run --env-file /etc/avk/avk.env -v /srv/avk/media:/srv/avk/media -p 127.0.0.1:8000:8000 avk-portal
#   docker run --env-file /etc/avk/avk.env -v /srv/avk/media:/srv/avk/media avk-portal \
#       python manage.py db_worker                  # the worker (it writes PDFs to the media)
#
# nginx in front (deploy/nginx/avk.conf) terminates TLS; static files are in the image and
# served by WhiteNoise. MEDIA_ROOT must be a volume (shared by every container, docs/deploy.md).
FROM python:3.11-slim-bookworm

# WeasyPrint needs Pango and HarfBuzz; backup/restore need PostgreSQL's client tools (15, Debian 12).
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /srv/avk --shell /usr/sbin/nologin avk

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    MEDIA_ROOT=/srv/avk/media STATIC_ROOT=/srv/avk/static BACKUP_DIR=/srv/avk/backups
WORKDIR /srv/avk/app

# The locked versions, every file checked by its hash (requirements/deploy.txt, `make lock`).
COPY requirements/deploy.txt requirements/deploy.txt
RUN python -m pip install --no-cache-dir --require-hashes -r requirements/deploy.txt

COPY . .
RUN python -m pip install --no-cache-dir --no-deps . \
    && DEBUG=false SECRET_KEY=build-only-not-used-at-run-time-0123456789abcdefghijklmnop \
        python manage.py collectstatic --noinput \
    && mkdir -p /srv/avk/media /srv/avk/backups && chown avk:avk /srv/avk/media /srv/avk/backups

USER avk
EXPOSE 8000
# Probes (GET /healthz) must send a host name from ALLOWED_HOSTS, as a load balancer does.
CMD ["gunicorn", "avk.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "120", "--forwarded-allow-ips", "*", "--access-logfile", "-", "--no-control-socket"]
