/**
 * The formats of the CLI (node): every format of the shared registry, then any format whose code needs
 * node. None does yet; such a format is registered here, never in registry.ts, so the explorer's bundle
 * cannot pull node-only code in (graphology-gexf splits common/, node/ and browser/ the same way).
 */
import type { FormatSpec } from "./format.ts";
import { FORMATS } from "./registry.ts";

export const NODE_FORMATS: readonly FormatSpec[] = [...FORMATS];
