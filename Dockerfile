# syntax=docker/dockerfile:1
# Huiyin's HTTP service. Build: docker build -t huiyin .
# Run beside EventStoreDB with docker-compose.yml (docs/eventstoredb.md).

# Production dependencies only. better-sqlite3 compiles from source when no
# prebuilt binary fits the platform, hence the toolchain in this stage alone.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# The web app's sources are not here yet: prepare builds it only where they are.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# The runtime: sources and production modules, no toolchain, not root.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY contracts ./contracts
COPY workflows ./workflows
COPY projections ./projections
COPY services ./services
# The web app, built into the image (Vite is a production dependency), so
# the service never builds it at start.
RUN npm run build:web
# DATA_DIR holds the auth secret, and the event log when no EventStoreDB is set.
RUN mkdir -p /data && chown node:node /data
# The writer thread's entry is bundled at first start into this cache
# (services/event-store/sqlite/writer-bundle.ts); the service runs as node.
RUN mkdir -p node_modules/.cache/huiyin && chown node:node node_modules/.cache/huiyin
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node directly, with no shell or npm in between, so SIGTERM reaches the graceful stop.
CMD ["node", "--import", "tsx", "services/server.ts"]
