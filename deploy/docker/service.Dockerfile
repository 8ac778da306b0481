# One image per service, from the repository root:
#   docker build -f deploy/docker/service.Dockerfile --build-arg SERVICE=asset-inventory -t buqi/asset-inventory .
# SERVICE is asset-inventory, budget-allocation, work-orders or console (whose image also holds its
# built pages). Each image runs its service (dist/main.js) or, as the Kubernetes set-up Job does, its
# set-up run (dist/setup.js: indexes and topics, then exit).
ARG NODE_IMAGE=node:24-bookworm-slim

# All dependencies, for compiling. No install scripts: nothing here builds native code.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

# The same tsc step as `nx build <service>` (Nx itself adds nothing inside a one-off image build).
FROM deps AS build
ARG SERVICE
RUN test -n "$SERVICE" || { echo "--build-arg SERVICE=<service> is required" >&2; exit 1; }
COPY tsconfig.base.json ./
COPY libs libs
COPY services services
RUN npx tsc -p "services/$SERVICE/tsconfig.app.json" \
 && printf "require('./services/%s/src/main.js');\n" "$SERVICE" > "dist/services/$SERVICE/main.js" \
 && printf "require('./services/%s/src/setup.js');\n" "$SERVICE" > "dist/services/$SERVICE/setup.js" \
 && mkdir -p dist/console-web \
 && if [ "$SERVICE" = console ]; then npx vite build --config services/console/web/vite.config.mts --logLevel warn; fi

# Production dependencies only, in a clean tree (pruning the build stage's tree leaves strays).
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ENV NODE_ENV=production \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=3000
WORKDIR /app
# Owned by root, so read-only for the unprivileged user that runs the service.
COPY --from=prod-deps /app/node_modules node_modules
COPY --from=build /app/dist/services/${SERVICE} dist
# The console's pages (CONSOLE_WEB_DIR's default, dist/console-web); empty in the other images.
COPY --from=build /app/dist/console-web dist/console-web
COPY deploy/runtime deploy/runtime
# The base image's `node` user, by number so Kubernetes' runAsNonRoot can check it.
USER 1000:1000
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.HTTP_PORT}/health/live`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# dist/main.js requires this image's service; the preload maps @buqi/* to dist/libs. Source maps put
# .ts files and lines in stack traces (about 0.1 s more at start). V8 sizes the young generation
# from the machine's memory (64 MB semi-spaces on a 24 GiB host): 16 MB keeps a service's resident
# memory about 30 MB lower, for more frequent minor collections (docs/architecture.md, memory).
CMD ["node", "--enable-source-maps", "--max-semi-space-size=16", "-r", "./deploy/runtime/resolve-workspace.cjs", "dist/main.js"]
