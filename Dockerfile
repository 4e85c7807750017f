# Keel in a container: `keel serve` on port 8000, as the unprivileged user keel.
# Build: docker build -t keel .      Run with PostgreSQL and Redis: compose.yaml.
# Guide: docs/deployment.md ("Containers"). No secret is baked in: every setting comes from
# the environment at run time (docs/configuration.md).

# --- build: install Keel into a virtualenv and compile its translations ---------------------
FROM python:3.11-slim AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
COPY . /src
RUN python -m venv /opt/keel/venv \
    && /opt/keel/venv/bin/pip install --no-cache-dir /src \
    && cd "$(/opt/keel/venv/bin/python -c 'import keel, os; print(os.path.dirname(keel.__file__))')" \
    && /opt/keel/venv/bin/python -m django compilemessages -v 0

# --- run -------------------------------------------------------------------------------------
FROM python:3.11-slim
# fonts-wqy-zenhei: CJK glyphs embedded in org chart PDFs; postgresql-client: pg_dump for
# `keel backup`. (Add ffmpeg for wiki video posters; without it videos show a placeholder.)
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-wqy-zenhei postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --home-dir /var/lib/keel --shell /usr/sbin/nologin keel
COPY --from=build /opt/keel/venv /opt/keel/venv
ENV PATH=/opt/keel/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    KEEL_ENV=production \
    KEEL_DATA_DIR=/var/lib/keel \
    KEEL_BIND=0.0.0.0:8000
# Static files are collected into the image (owned by root, read-only for keel), so a new
# image always serves its own. The key below only lets the production settings load for this
# one command: it is random, thrown away, and never signs anything. Without DATABASE_URL the
# settings create an empty SQLite file, removed at once.
RUN KEEL_SECRET_KEY="$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    KEEL_ALLOWED_HOSTS=localhost \
    keel collectstatic --noinput -v 0 \
    && rm -f /var/lib/keel/keel.sqlite3 \
    && chown -R root:keel /var/lib/keel/static && chmod -R u=rwX,g=rX,o= /var/lib/keel/static \
    && install -d -o keel -g keel -m 0700 /var/lib/keel/media /var/lib/keel/backups /var/lib/keel/tmp \
    && chown keel:keel /var/lib/keel && chmod 0700 /var/lib/keel
USER keel
WORKDIR /var/lib/keel
EXPOSE 8000
# The process answers (docs/server.md). Sent as the proxy would (a configured host name,
# X-Forwarded-Proto: https), so the host check and the HTTPS redirect let it through.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["python", "-c", "import os, urllib.request as u; h = os.environ.get('KEEL_ALLOWED_HOSTS', 'localhost').split(',')[0].strip().lstrip('.'); h = 'localhost' if h in ('', '*') else h; u.urlopen(u.Request('http://127.0.0.1:8000/healthz', headers={'Host': h, 'X-Forwarded-Proto': 'https'}), timeout=4)"]
ENTRYPOINT ["keel"]
CMD ["serve", "--bind", "0.0.0.0:8000"]
