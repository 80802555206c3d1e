/**
 * Zod schemas for the dataset format; every TypeScript type of the format is inferred from here.
 * Messages are written for a curator editing JSON by hand: they say what is wrong and what is expected.
 * Cross-references (does this id exist? may this kind stand at this end?) are checked by the loader,
 * which sees the whole dataset; these schemas check one document at a time.
 */
import { z } from "zod";
import { CONFIDENCES, ENTITY_KINDS, RELATION_KIND_NAMES } from "./ontology.ts";
import { partialDateProblem } from "./dates.ts";
import { describeValue, quote } from "./text.ts";

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_MAX_LENGTH = 100;

export const TEXT_LIMITS = {
  name: 300,
  text: 2_000,
  claim: 10_000,
  url: 2_048,
} as const;

/** Characters a curator never means to type: C0/C1 controls (but tab and newline in long text) and bidi overrides. */
// Hand-written: no maintained library names "characters that spoof or break text" for this purpose.
// eslint-disable-next-line no-control-regex -- control characters are what these refuse
const FORBIDDEN_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex -- control characters are what these refuse
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function characterProblem(value: string, multiline: boolean): string | null {
  const forbidden = (multiline ? FORBIDDEN_IN_TEXT : FORBIDDEN_IN_LINE).exec(value);
  if (forbidden) {
    const code = forbidden[0].codePointAt(0) ?? 0;
    const name = code >= 0x202a ? "a bidirectional control character" : "a control character";
    return `contains ${name} (U+${code.toString(16).toUpperCase().padStart(4, "0")}) at position ${forbidden.index}; remove it`;
  }
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) return `contains an unpaired surrogate (an invalid character) at position ${surrogate.index}`;
  return null;
}

function text(max: number, what: string, multiline = false) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? undefined : `${what} must be a string, got ${describeValue(issue.input)}`) })
    .check((ctx) => {
      const value = ctx.value;
      if (value.trim().length === 0) {
        ctx.issues.push({ code: "custom", input: value, message: `${what} must not be empty` });
        return;
      }
      if (value.length > max) {
        ctx.issues.push({
          code: "custom",
          input: value,
          message: `${what} is too long (${value.length.toLocaleString("en")} characters; at most ${max.toLocaleString("en")})`,
        });
        return;
      }
      const problem = characterProblem(value, multiline);
      if (problem) ctx.issues.push({ code: "custom", input: value, message: `${what} ${problem}` });
    })
    .meta({ minLength: 1, maxLength: max });
}

/** An id, or a reference to one; `what` names the field in type errors ("source must be a string"). */
function idField(what: string) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? undefined : `${what} must be a string (an id), got ${describeValue(issue.input)}`),
    })
    .check((ctx) => {
      const value = ctx.value;
      if (value.length > ID_MAX_LENGTH || !ID_PATTERN.test(value)) {
        ctx.issues.push({
          code: "custom",
          input: value,
          message: `malformed id ${quote(value)}: ids are lowercase letters and digits joined by single hyphens, at most ${ID_MAX_LENGTH} characters (e.g. "bell-canada")`,
        });
      }
    })
    .meta({ pattern: ID_PATTERN.source, maxLength: ID_MAX_LENGTH });
}

export const idSchema = idField("id");

function dateField(what: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? undefined : `${what} must be a date string like "2019-11-22", got ${describeValue(issue.input)}`,
    })
    .check((ctx) => {
      const problem = partialDateProblem(ctx.value);
      if (problem === "malformed") {
        ctx.issues.push({
          code: "custom",
          input: ctx.value,
          message: `malformed date ${quote(ctx.value)}: use YYYY, YYYY-MM or YYYY-MM-DD`,
        });
      } else if (problem === "impossible") {
        ctx.issues.push({ code: "custom", input: ctx.value, message: `impossible date ${quote(ctx.value)}: no such month or day` });
      }
    })
    .meta({
      pattern: "^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$",
      description: "A date with its own precision: YYYY, YYYY-MM or YYYY-MM-DD.",
    });
}

export const partialDateSchema = dateField("date");

/** True for absolute http: and https: URLs with a host; the only links the product ever follows. */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
}

function urlField(what: string) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? undefined : `${what} must be a string (an http or https URL), got ${describeValue(issue.input)}`,
    })
    .check((ctx) => {
      const value = ctx.value;
      if (value.length > TEXT_LIMITS.url) {
        ctx.issues.push({
          code: "custom",
          input: value,
          message: `${what} is too long (${value.length} characters; at most ${TEXT_LIMITS.url})`,
        });
      } else if (!isHttpUrl(value)) {
        ctx.issues.push({
          code: "custom",
          input: value,
          message: `${what} ${quote(value)} is not an http(s) URL; only http:// and https:// links are accepted`,
        });
      }
    })
    .meta({ format: "uri", pattern: "^https?://", maxLength: TEXT_LIMITS.url });
}

export const httpUrlSchema = urlField("url");

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

/** The English name of an ISO 3166-1 alpha-2 code (or EU), or undefined when the code is unknown. */
export function countryName(code: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code) || code === "ZZ") return undefined;
  return regionNames.of(code);
}

export const countrySchema = z
  .string({ error: (issue) => (issue.input === undefined ? undefined : `country must be a string, got ${describeValue(issue.input)}`) })
  .check((ctx) => {
    if (countryName(ctx.value) === undefined) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        message: `unknown country ${quote(ctx.value)}: use an ISO 3166-1 alpha-2 code in capitals (e.g. "CA", "US", "GB") or "EU"`,
      });
    }
  })
  .meta({ pattern: "^[A-Z]{2}$", description: "ISO 3166-1 alpha-2 country code, or EU." });

function choice<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? undefined
        : typeof issue.input === "string"
          ? `unknown ${what} ${quote(issue.input)}; expected one of: ${values.join(", ")}`
          : `${what} must be a string, got ${describeValue(issue.input)}`,
  });
}

export const entityKindSchema = choice(ENTITY_KINDS, "entity kind");
export const relationKindSchema = choice(RELATION_KIND_NAMES, "relation kind");
export const confidenceSchema = choice(CONFIDENCES, "confidence");

export const entitySchema = z
  .strictObject({
    id: idSchema,
    kind: entityKindSchema,
    name: text(TEXT_LIMITS.name, "name"),
    aliases: z.array(text(TEXT_LIMITS.name, "alias")).optional(),
    country: countrySchema.optional(),
    description: text(TEXT_LIMITS.text, "description", true).optional(),
    url: urlField("url").optional(),
  })
  .meta({ title: "Entity", description: "A government, agency, person, carrier, vendor, bloc, agreement, policy or other actor." });

export const evidenceSchema = z
  .strictObject({
    source: idField("source"),
    locator: text(TEXT_LIMITS.text, "locator").optional(),
  })
  .meta({ description: "A citation: the id of a source and, optionally, where in it (paragraph, page, quote)." });

export const relationSchema = z
  .strictObject({
    id: idSchema,
    kind: relationKindSchema,
    source: idField("source").meta({ description: "Id of the entity the relation starts at." }),
    target: idField("target").meta({ description: "Id of the entity the relation points to." }),
    about: idField("about").meta({ description: "Pressure relations: the entity (usually a vendor) the pressure concerns." }).optional(),
    start: dateField("start"),
    end: dateField("end").nullable().optional().meta({ description: "Last date the relation held; null or absent while ongoing." }),
    claim: text(TEXT_LIMITS.claim, "claim", true),
    evidence: z
      .array(evidenceSchema, {
        error: (issue) =>
          issue.input === undefined ? undefined : `evidence must be a list of citations, got ${describeValue(issue.input)}`,
      })
      .min(1, { error: "evidence must cite at least one source" }),
    confidence: confidenceSchema,
  })
  .meta({ title: "Relation", description: "A dated, sourced, directed relation between two entities." });

export const sourceSchema = z
  .strictObject({
    id: idSchema,
    url: httpUrlSchema,
    publisher: text(TEXT_LIMITS.name, "publisher"),
    title: text(TEXT_LIMITS.text, "title"),
    published: dateField("published").optional(),
    accessed: dateField("accessed").optional(),
    archive: urlField("archive").optional().meta({ description: "An archived copy of the page (e.g. on the Wayback Machine)." }),
  })
  .meta({ title: "Source", description: "A public document that relations cite." });

export const datasetMetaSchema = z
  .strictObject({
    name: text(TEXT_LIMITS.name, "dataset name"),
    description: text(TEXT_LIMITS.claim, "dataset description", true).optional(),
    licence: text(TEXT_LIMITS.name, "licence").optional(),
    version: text(TEXT_LIMITS.name, "version").optional(),
    url: httpUrlSchema.optional(),
    period: z
      .strictObject({ from: dateField("period from"), to: dateField("period to") })
      .optional()
      .meta({ description: "The years the dataset is about (e.g. 2018 to 2024); the explorer's play button animates them." }),
  })
  .meta({ title: "Dataset metadata", description: "Optional; at most one file of a dataset holds it." });

export const datasetDocumentSchema = z
  .strictObject({
    $schema: z.string().optional(),
    dataset: datasetMetaSchema.optional(),
    entities: z.array(entitySchema).optional(),
    relations: z.array(relationSchema).optional(),
    sources: z.array(sourceSchema).optional(),
  })
  .meta({
    title: "Leverage Atlas dataset file",
    description: "One file of a Leverage Atlas dataset. A dataset is a folder of such files (or one file).",
  });

export type Entity = z.infer<typeof entitySchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type Relation = z.infer<typeof relationSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type DatasetMeta = z.infer<typeof datasetMetaSchema>;
export type DatasetDocument = z.infer<typeof datasetDocumentSchema>;

/** A whole dataset, every file merged; references resolved and checked by the loader. */
export interface Dataset {
  meta: DatasetMeta;
  entities: Entity[];
  relations: Relation[];
  sources: Source[];
}

/** The top-level keys of a dataset file, in the order files are written. */
export const DOCUMENT_KEYS = ["$schema", "dataset", "entities", "relations", "sources"] as const;
