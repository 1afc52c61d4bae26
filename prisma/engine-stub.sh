#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on our machines.
# PRISMA_SCHEMA_ENGINE_BINARY points here so that `prisma generate` / `validate` / `format` run
# (they only check that the file exists). Migrations never use it: they go through scripts/db/
# and @prisma/schema-engine-wasm. See prisma/README.md.
echo "prisma/engine-stub.sh: the native Prisma schema engine is not available here; use npm run db:migrate / db:migration / db:check" >&2
exit 1
