#!/usr/bin/env bash
# Adds the migration NAME for both databases, each generated from the one model into its own migrations assembly
# (EF Core's "migrations with multiple providers"): src/KnowledgeKaizen.Data.Sqlite and src/KnowledgeKaizen.Data.PostgreSql.
# No database is needed. Hand-written SQL (triggers, raw tables) is not generated: add it to both by hand.
# ModelMigrationsTests fails while either provider lacks a model change.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?Usage: tools/add-migration.sh <MigrationName>}"

dotnet tool restore >/dev/null
dotnet build src/KnowledgeKaizen.Web -nologo -v quiet
add() {
  local project="$1"; shift
  dotnet ef migrations add "$name" --no-build --project "$project" --startup-project src/KnowledgeKaizen.Web \
    --output-dir Migrations -- "$@"
}
add src/KnowledgeKaizen.Data.Sqlite --KnowledgeKaizen:Database:Provider=Sqlite
# The design-time host only builds the model; nothing connects to this server.
add src/KnowledgeKaizen.Data.PostgreSql --KnowledgeKaizen:Database:Provider=PostgreSql \
  "--ConnectionStrings:KnowledgeKaizen=Host=localhost;Database=design-time"
echo "Added $name to src/KnowledgeKaizen.Data.Sqlite/Migrations and src/KnowledgeKaizen.Data.PostgreSql/Migrations."
