/**
 * Imported first by the app entry: zod 4 compiles validators with `new Function` unless jitless,
 * which the page's Content-Security-Policy (no 'unsafe-eval') forbids; jitless also skips zod's
 * eval probe, which a strict CSP would report as a violation even though the throw is caught.
 */
import { z } from "zod";

z.config({ jitless: true });
