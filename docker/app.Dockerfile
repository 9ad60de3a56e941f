# syntax=docker/dockerfile:1
# nahbar: API and web client in one image (the API serves the built client on its port).
# Build from the repository root:  docker build -f docker/app.Dockerfile -t nahbar .
# Run on a PostgreSQL server:       docker run -e DATABASE_URL=postgres://… -e NODE_ENV=production -p 3000:3000 nahbar

FROM node:24-bookworm-slim AS build
WORKDIR /workspace
ENV NX_NO_CLOUD=true NX_DAEMON=false
COPY package.json package-lock.json ./
COPY libs/domain/package.json libs/domain/
RUN npm install --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api web --outputStyle=static \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0
COPY --from=build /workspace/package.json ./
COPY --from=build /workspace/node_modules ./node_modules
COPY --from=build /workspace/libs/domain/package.json libs/domain/
COPY --from=build /workspace/libs/domain/dist libs/domain/dist
COPY --from=build /workspace/dist ./dist
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
