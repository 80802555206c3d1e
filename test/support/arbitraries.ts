/** fast-check generators of valid datasets, shared by property tests (loader, graph, exports). */
import fc from "fast-check";
import {
  CONFIDENCES,
  ENTITY_KINDS,
  RELATION_KINDS,
  RELATION_KIND_NAMES,
  FAMILIES_WITH_ABOUT,
  NEUTRAL_RELATION_KIND,
  type EntityKind,
} from "../../src/model/ontology.ts";
import { characterProblem, type Dataset, type Entity, type Relation } from "../../src/model/schema.ts";
import { endsBeforeStart, lastDay } from "../../src/model/dates.ts";

/**
 * The relation kinds generated data draws from: all but the neutral kind, which stands for what an import could
 * not name (it is allowed between any kinds: test/model/ontology.test.ts). Leaving it out keeps every recorded
 * golden answer drawn from the same values as before it was added.
 */
export const CURATED_RELATION_KINDS = RELATION_KIND_NAMES.filter((kind) => kind !== NEUTRAL_RELATION_KIND);

export const idArb = fc.array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 3 }).map((parts) => parts.join("-"));

/**
 * Texts that look like something else to a careless reader or writer: numbers, dates, booleans, null,
 * our list encodings, the GEXF record line, entities, line and paragraph separators, astral and
 * combining characters, zero-width and no-break spaces, and spaces at either end.
 */
const HOSTILE_LINES = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "A & B \"quoted\" 'single'",
  "&amp; &lt;b&gt; &#x41;",
  "Huawei 华为",
  "مرحبا بالعالم",
  "emoji 📡🛰️ 👩‍👩‍👧",
  "𝔸𝕥𝕝𝕒𝕤 𠜎 astral",
  "e\u0301 combining, Å",
  "zero\u200bwidth\u00a0no-break",
  "line\u2028separator\u2029paragraph",
  "]]> --> <!--",
  " leading and trailing ",
  "42",
  "-0",
  "1e400",
  "NaN",
  "true",
  "null",
  "2019-11-22",
  "2019-13-45",
  '["a", "b"]',
  "a|b, c",
  "[",
  "\\back\\slash",
  "javascript:alert(1)",
  "Leverage Atlas export record (JSON; atlas import reads it back): {}",
];

/** Any non-blank single-line text the schema accepts: unicode, quotes, markup, emoji, right-to-left, and HOSTILE_LINES. */
export const lineTextArb = (maxLength = 40): fc.Arbitrary<string> =>
  fc
    .oneof(fc.string({ unit: "grapheme", minLength: 1, maxLength }), fc.constantFrom(...HOSTILE_LINES))
    .filter((value) => value.trim().length > 0 && characterProblem(value, false) === null);

/** Lines joined by line feeds, CRLF, blank lines or tabs, as long texts are written. */
export const multilineTextArb = fc
  .tuple(fc.array(lineTextArb(30), { minLength: 1, maxLength: 3 }), fc.constantFrom("\n", "\r\n", "\n\n", "\t"))
  .map(([lines, separator]) => lines.join(separator));

export const partialDateArb = fc
  .record({
    year: fc.integer({ min: 1946, max: 2030 }),
    month: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    day: fc.integer({ min: 1, max: 31 }),
    withDay: fc.boolean(),
  })
  .map(({ year, month, day, withDay }) => {
    const y = String(year);
    if (month === undefined) return y;
    const ym = `${y}-${String(month).padStart(2, "0")}`;
    if (!withDay) return ym;
    const maxDay = Number(lastDay(ym).slice(8));
    return `${ym}-${String(Math.min(day, maxDay)).padStart(2, "0")}`;
  });

export const httpUrlArb = fc
  .webUrl({ validSchemes: ["http", "https"], withQueryParameters: true, withFragments: true })
  .filter((url) => url.length < 2000);

const countryArb = fc.constantFrom("CA", "US", "GB", "CN", "FR", "DE", "KR", "JP", "EU", "SE", "FI", "AU", "NZ");

export interface DatasetArbOptions {
  maxEntities?: number;
  maxRelations?: number;
  maxSources?: number;
}

/** A valid dataset: unique ids, references resolved, endpoint kinds allowed, end never before start. */
export function datasetArb(options: DatasetArbOptions = {}): fc.Arbitrary<Dataset> {
  const { maxEntities = 12, maxRelations = 20, maxSources = 5 } = options;
  return fc.uniqueArray(idArb, { minLength: 3, maxLength: maxEntities + maxRelations + maxSources }).chain((ids) => {
    const sourceCount = Math.max(1, Math.min(maxSources, Math.floor(ids.length / 6)));
    const sourceIds = ids.slice(0, sourceCount);
    const entityIds = ids.slice(sourceCount, sourceCount + Math.max(2, Math.min(maxEntities, Math.floor(ids.length / 2))));
    const relationIds = ids.slice(sourceCount + entityIds.length);
    const sourcesArb = fc.tuple(
      ...sourceIds.map((id) =>
        fc.record(
          { id: fc.constant(id), url: httpUrlArb, publisher: lineTextArb(), title: lineTextArb(), published: partialDateArb },
          { requiredKeys: ["id", "url", "publisher", "title"] },
        ),
      ),
    );
    const entitiesArb = fc.tuple(
      ...entityIds.map((id) =>
        fc.record(
          {
            id: fc.constant(id),
            kind: fc.constantFrom(...ENTITY_KINDS),
            name: lineTextArb(),
            aliases: fc.array(lineTextArb(20), { minLength: 1, maxLength: 3 }),
            country: countryArb,
            description: multilineTextArb,
            url: httpUrlArb,
          },
          { requiredKeys: ["id", "kind", "name"] },
        ),
      ),
    );
    return fc.tuple(sourcesArb, entitiesArb).chain(([sources, entities]) => {
      const relationArbs = relationIds.map((id) => relationArb(id, entities as Entity[], sourceIds));
      return fc.tuple(...relationArbs).map((relations) => {
        const kept = relations.filter((relation): relation is Relation => relation !== null);
        const dataset: Dataset = {
          meta: { name: "Generated dataset" },
          entities,
          relations: kept,
          sources,
        };
        return dataset;
      });
    });
  });
}

function relationArb(id: string, entities: readonly Entity[], sourceIds: readonly string[]): fc.Arbitrary<Relation | null> {
  return fc
    .record({
      kind: fc.constantFrom(...CURATED_RELATION_KINDS),
      pick: fc.nat(),
      pick2: fc.nat(),
      pick3: fc.nat(),
      start: partialDateArb,
      end: fc.option(partialDateArb, { nil: null }),
      claim: multilineTextArb,
      evidence: fc.uniqueArray(
        fc.record({ source: fc.constantFrom(...sourceIds), locator: fc.option(lineTextArb(), { nil: undefined }) }),
        {
          minLength: 1,
          maxLength: 2,
          selector: (evidence) => evidence.source,
        },
      ),
      confidence: fc.constantFrom(...CONFIDENCES),
      withAbout: fc.boolean(),
    })
    .map(({ kind, pick, pick2, pick3, start, end, claim, evidence, confidence, withAbout }) => {
      const spec = RELATION_KINDS[kind];
      const allowed = (kinds: readonly EntityKind[]): Entity[] => entities.filter((entity) => kinds.includes(entity.kind));
      const sources = allowed(spec.source);
      const targets = allowed(spec.target);
      if (sources.length === 0 || targets.length === 0) return null;
      const source = sources[pick % sources.length] as Entity;
      const target = targets[pick2 % targets.length] as Entity;
      const [from, to] = end !== null && endsBeforeStart(start, end) ? [end, start] : [start, end];
      const relation: Relation = {
        id,
        kind,
        source: source.id,
        target: target.id,
        start: from,
        end: to,
        claim,
        evidence: evidence.map((item) =>
          item.locator === undefined ? { source: item.source } : { source: item.source, locator: item.locator },
        ),
        confidence,
      };
      if (withAbout && FAMILIES_WITH_ABOUT.includes(spec.family)) relation.about = (entities[pick3 % entities.length] as Entity).id;
      return relation;
    });
}

/** A dataset as the single JSON document a curator would write. */
export function toDocument(dataset: Dataset): Record<string, unknown> {
  return { dataset: dataset.meta, entities: dataset.entities, relations: dataset.relations, sources: dataset.sources };
}
