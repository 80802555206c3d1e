/**
 * Vitest global setup of the unit tests: builds the installable `atlas` (scripts/build-cli.ts) first, so the tests
 * that run it exercise what `npm install` builds from the sources as they are now, never a stale copy.
 */
import { buildCli } from "../../scripts/build-cli.ts";

export default async function setup(): Promise<void> {
  await buildCli();
}
