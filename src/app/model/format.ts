/** Human-readable dates, periods and kind names for the explorer's text. */
import type { EntityKind, RelationFamily, RelationKind } from "../../model/ontology.ts";
import { ENTITY_KIND_LOOKS, RELATION_FAMILY_LOOKS } from "../../model/presentation.ts";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const LONG_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** "2019" -> "2019", "2019-11" -> "Nov 2019", "2019-11-23" -> "23 Nov 2019". */
export function formatPartialDate(value: string): string {
  const year = value.slice(0, 4);
  if (value.length === 4) return year;
  const month = MONTHS[Number(value.slice(5, 7)) - 1] ?? value.slice(5, 7);
  if (value.length === 7) return `${month} ${year}`;
  return `${Number(value.slice(8, 10))} ${month} ${year}`;
}

/** "2019-11" -> "November 2019": the time control's reading. */
export function formatMonth(value: string): string {
  const month = LONG_MONTHS[Number(value.slice(5, 7)) - 1] ?? value.slice(5, 7);
  return `${month} ${value.slice(0, 4)}`;
}

/** "23 Nov 2019 – ongoing", "2018 – 2021", or a single date when start and end are the same. */
export function formatPeriod(start: string, end: string | null): string {
  if (end === null) return `${formatPartialDate(start)} – ongoing`;
  if (end === start) return formatPartialDate(start);
  return `${formatPartialDate(start)} – ${formatPartialDate(end)}`;
}

/** "uses_equipment_from" -> "uses equipment from". */
export function relationKindLabel(kind: RelationKind): string {
  return kind.replaceAll("_", " ");
}

export function entityKindLabel(kind: EntityKind): string {
  return ENTITY_KIND_LOOKS[kind].label;
}

export function familyLabel(family: RelationFamily): string {
  return RELATION_FAMILY_LOOKS[family].label;
}

/** "1 relation", "3 relations" (shared with the CLI and the writers' notes). */
export { plural } from "../../model/text.ts";

const REGION_NAMES = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

/** "CA" -> "Canada", "EU" -> "European Union"; NO_COUNTRY ("none") -> "No country"; an unknown code stays itself. */
export function countryName(code: string): string {
  if (code === "none") return "No country";
  try {
    return REGION_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}
