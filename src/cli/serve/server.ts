/**
 * The local server of `atlas serve` (DELIVERY.md §3), on node's http module (a handful of routes; a framework
 * would add nothing here). Bound to 127.0.0.1 only. Every request must name this server in its Host header
 * (a DNS-rebinding page names its own host: it reads nothing). Routes:
 *   GET  /, /index.html   the explorer, with the dataset, mode and session metas
 *   GET  /assets/...      the explorer's files
 *   GET  /api/dataset     the folder's bundle (`checked` when it validates)
 *   GET  /api/events      server-sent events: `changed` when dataset files change on disk
 *   POST /api/save        edit mode only: the session token, this server's own Origin, JSON, under MAX_SAVE_BYTES
 * Every refusal is JSON `{"error": "<plain message>"}` with its status.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { readFile, realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { bundleFolder } from "../../load/folder-bundle.ts";
import { servedIndexHtml } from "./app-files.ts";
import { applySave, parseSaveRequest, type Answer } from "./save.ts";
import { watchFolder, type FolderWatcher } from "./watch.ts";

/** The largest save body accepted (a whole 10k-entity dataset file is about a tenth of it). */
export const MAX_SAVE_BYTES = 20 * 1024 * 1024;
export const TOKEN_HEADER = "x-atlas-token";
export const HOST = "127.0.0.1";

export interface ServeOptions {
  /** The dataset folder. */
  folder: string;
  /** The built explorer to serve (app-files.ts). */
  app: string;
  /** 0: any free port. */
  port: number;
  readOnly: boolean;
  /** Told when files changed on disk (after the pages are), and when the folder cannot be watched or read. */
  onChange?: (files: string[]) => void;
  onError?: (error: Error) => void;
}

export interface AtlasServer {
  /** http://127.0.0.1:PORT/ */
  url: string;
  port: number;
  /** The address the socket is bound to. */
  address: string;
  /** The session token (null in read-only mode). */
  token: string | null;
  close(): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

/** Headers on every answer: no content sniffing, no referrer leaving the machine. */
const COMMON_HEADERS = { "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" } as const;

function send(response: ServerResponse, status: number, body: string | Uint8Array, headers: Record<string, string>): void {
  response.writeHead(status, { ...COMMON_HEADERS, "Cache-Control": "no-store", ...headers });
  response.end(response.req.method === "HEAD" ? undefined : body);
}

function sendJson(response: ServerResponse, answer: Answer, headers: Record<string, string> = {}): void {
  send(response, answer.status, JSON.stringify(answer.body), { "Content-Type": "application/json; charset=utf-8", ...headers });
}

function refuse(response: ServerResponse, status: number, error: string, headers: Record<string, string> = {}): void {
  sendJson(response, { status, body: { error } }, headers);
}

/** Equal tokens, in time that does not depend on where they differ (hashed first: equal lengths, as timingSafeEqual needs). */
function sameToken(given: string, token: string): boolean {
  const digest = (value: string): Buffer => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/** The body as text, or the status it is refused with: 413 past `limit` bytes (before reading, when Content-Length says so). */
function readBody(request: IncomingMessage, limit: number): Promise<string | 413> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(413);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    request.on("data", (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve(413);
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => {
      if (!done) resolve(Buffer.concat(chunks).toString("utf8"));
    });
    request.on("error", reject);
  });
}

export async function startServer(options: ServeOptions): Promise<AtlasServer> {
  const folder = await realpath(options.folder);
  const app = path.resolve(options.app);
  const token = options.readOnly ? null : randomBytes(32).toString("base64url");
  const html = await servedIndexHtml(app, { mode: options.readOnly ? "read-only" : "edit", token });
  const events = new Set<ServerResponse>();
  let port = 0;
  let saving: Promise<unknown> = Promise.resolve();

  const allowedHosts = (): Set<string> => new Set([`${HOST}:${port}`, `localhost:${port}`]);
  const allowedOrigins = (): Set<string> => new Set([`http://${HOST}:${port}`, `http://localhost:${port}`]);

  const save = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (options.readOnly) {
      refuse(response, 405, "the dataset is served read-only (atlas serve --read-only): nothing can be saved", { Allow: "" });
      return;
    }
    const origin = request.headers.origin;
    if (origin === undefined || !allowedOrigins().has(origin)) {
      refuse(response, 403, "saves are accepted only from the page this server serves (Origin)");
      return;
    }
    const given = request.headers[TOKEN_HEADER];
    if (token === null || typeof given !== "string" || !sameToken(given, token)) {
      refuse(response, 403, "the session token is missing or wrong: reload the page (atlas serve makes a new token each time it starts)");
      return;
    }
    const type = (request.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
    if (type !== "application/json") {
      refuse(response, 415, "the body must be JSON (Content-Type: application/json)");
      return;
    }
    const body = await readBody(request, MAX_SAVE_BYTES);
    if (body === 413) {
      refuse(response, 413, `the body is larger than ${MAX_SAVE_BYTES / 1024 / 1024} MB`, { Connection: "close" });
      // Dropping what the client still sends (up to a bound) lets it read the 413: a reset at once can lose the answer.
      let dropped = 0;
      request.on("data", (chunk: Buffer) => {
        dropped += chunk.length;
        if (dropped > 4 * MAX_SAVE_BYTES) request.destroy();
      });
      request.resume();
      return;
    }
    const parsed = parseSaveRequest(body);
    if ("status" in parsed) {
      sendJson(response, parsed);
      return;
    }
    // One save at a time: the checks and the writes of one never interleave with another's.
    const run = saving.then(() => applySave(folder, parsed));
    saving = run.catch(() => undefined);
    sendJson(response, await run);
  };

  const serveStatic = async (pathname: string, response: ServerResponse): Promise<void> => {
    if (pathname === "/" || pathname === "/index.html") {
      // The page may not be framed by another site (a framed Save button could be clicked by a trick).
      send(response, 200, html, {
        "Content-Type": "text/html; charset=utf-8",
        "X-Frame-Options": "DENY",
        "Content-Security-Policy": "frame-ancestors 'none'",
      });
      return;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(pathname);
    } catch {
      refuse(response, 400, "malformed address");
      return;
    }
    const file = path.join(app, relative);
    const inside = path.relative(app, file);
    if (
      relative.includes("\0") ||
      inside.startsWith("..") ||
      path.isAbsolute(inside) ||
      inside.split(path.sep).some((part) => part.startsWith("."))
    ) {
      refuse(response, 404, "not found");
      return;
    }
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      refuse(response, 404, "not found");
      return;
    }
    send(response, 200, await readFile(file), {
      "Content-Type": CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "Cache-Control": "no-cache",
    });
  };

  const openEvents = (request: IncomingMessage, response: ServerResponse): void => {
    response.writeHead(200, {
      ...COMMON_HEADERS,
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
    });
    response.write("retry: 1000\n\n");
    events.add(response);
    request.on("close", () => events.delete(response));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const host = (request.headers.host ?? "").toLowerCase();
    if (!allowedHosts().has(host)) {
      refuse(response, 403, `this server answers only requests to ${HOST}:${port} or localhost:${port} (Host)`);
      return;
    }
    const pathname = new URL(request.url ?? "/", `http://${HOST}`).pathname;
    const method = request.method ?? "GET";
    const reading = method === "GET" || method === "HEAD";
    if (pathname === "/api/save") {
      if (method !== "POST") {
        refuse(response, 405, "use POST to save", { Allow: options.readOnly ? "" : "POST" });
        return;
      }
      await save(request, response);
      return;
    }
    if (pathname === "/api/dataset" || pathname === "/api/events") {
      if (!reading) {
        refuse(response, 405, `${pathname} is read with GET`, { Allow: "GET, HEAD" });
        return;
      }
      if (pathname === "/api/events") {
        if (method === "HEAD") send(response, 200, "", { "Content-Type": "text/event-stream; charset=utf-8" });
        else openEvents(request, response);
        return;
      }
      const { bundle } = await bundleFolder(folder);
      send(response, 200, JSON.stringify(bundle), { "Content-Type": "application/json; charset=utf-8" });
      return;
    }
    if (pathname.startsWith("/api/")) {
      refuse(response, 404, `no such route: ${pathname}`);
      return;
    }
    if (!reading) {
      refuse(response, 405, "only GET and HEAD are answered here", { Allow: "GET, HEAD" });
      return;
    }
    await serveStatic(pathname, response);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.onError?.(error as Error);
      if (!response.headersSent) refuse(response, 500, `the server failed: ${(error as Error).message}`);
      else response.end();
    });
  });

  const broadcast = (files: string[]): void => {
    const message = `event: changed\ndata: ${JSON.stringify({ files, bundle: "/api/dataset" })}\n\n`;
    for (const response of events) response.write(message);
    options.onChange?.(files);
  };
  const watcher: FolderWatcher = await watchFolder(folder, broadcast, (error) => options.onError?.(error));
  // A comment now and then: a page whose connection died unnoticed (a sleeping laptop) finds out and reconnects.
  const heartbeat = setInterval(() => {
    for (const response of events) response.write(": still here\n\n");
  }, 20_000);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, HOST, () => {
      server.off("error", reject);
      resolve();
    });
  }).catch((error: unknown) => {
    watcher.close();
    clearInterval(heartbeat);
    throw error;
  });
  const address = server.address() as AddressInfo;
  port = address.port;

  return {
    url: `http://${HOST}:${port}/`,
    port,
    address: address.address,
    token,
    close: async () => {
      watcher.close();
      clearInterval(heartbeat);
      for (const response of events) response.end();
      events.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
