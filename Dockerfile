# syntax=docker/dockerfile:1
# Multi-stage build: compile the API, worker, CLI and admin once; run them on a slim image without dev dependencies.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/indicators/package.json libs/indicators/package.json
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY libs/indicators/package.json libs/indicators/package.json
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY --from=build /app/libs/indicators/dist ./libs/indicators/dist
COPY --from=build /app/apps/admin/dist ./apps/admin/dist
COPY bin ./bin
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
