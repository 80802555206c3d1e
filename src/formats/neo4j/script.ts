/**
 * The bundle's import.sh: the exact neo4j-admin command for its CSV files, with the options its CSV relies on
 * (csv.ts), and what to run once the database is up (constraints.cypher).
 */
import { CONSTRAINTS } from "./model.ts";
import { NEO4J_FILES } from "./csv.ts";

export function importScript(datasetName: string): string {
  const files = NEO4J_FILES;
  // The name is shown in a comment only: one line, no control characters.
  // eslint-disable-next-line no-control-regex -- control characters are what this replaces
  const shownName = datasetName.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
  return `#!/bin/sh
# Loads this folder into a new Neo4j database: ${shownName}
# Written by Leverage Atlas (atlas export --format neo4j). Needs Neo4j 5 or later; run it on the
# Neo4j server, where neo4j-admin is (or set NEO4J_ADMIN), with the target database absent or stopped.
#
#   sh import.sh           imports into the database "neo4j"
#   sh import.sh atlas     imports into the database "atlas" (then, in Neo4j: CREATE DATABASE atlas)
#
# The options say how these files are written: comma-separated, every text quoted with " and a quote
# inside doubled (never backslash-escaped), texts spanning several lines, array elements (aliases,
# labels) separated by U+001F, strings kept as written (no trimming), ids as strings in three ID
# spaces (Entity, Source, Relation).
#
# Once the database is started, create the id constraints (they make MERGE and lookups by id fast):
#   cypher-shell -d <database> -f constraints.cypher
set -eu
cd "$(dirname "$0")"
DATABASE="\${1:-neo4j}"
"\${NEO4J_ADMIN:-neo4j-admin}" database import full "$DATABASE" \\
  --nodes=${files.entities} \\
  --nodes=${files.sources} \\
  --nodes=${files.relationNodes} \\
  --relationships=${files.relations} \\
  --relationships=${files.citations} \\
  --delimiter=, \\
  --quote='"' \\
  --array-delimiter=U+001F \\
  --multiline-fields=true \\
  --legacy-style-quoting=false \\
  --trim-strings=false \\
  --ignore-empty-strings=false \\
  --id-type=string
`;
}

/** constraints.cypher: the id constraints, once the imported database is started. */
export function constraintsScript(): string {
  return `// Id constraints for the imported graph (Neo4j 5 or later): cypher-shell -d <database> -f constraints.cypher
${CONSTRAINTS.join("\n")}
`;
}
