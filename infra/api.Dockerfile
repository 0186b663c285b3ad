# The API as compose.yaml runs it: the repository as-is, `npm ci` then `npm start`
# (SWC compiles TypeScript on the fly; there is no separate build step).
# Not built here (no container runtime on the development machine).
FROM node:20-bookworm

# better-sqlite3 compiles from source on install; the full bookworm image has python3, make, g++
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && mkdir -p /app/data && chown node:node /app/data

ENV NODE_ENV=production PORT=3000
EXPOSE 3000
USER node
CMD ["npm", "start"]
