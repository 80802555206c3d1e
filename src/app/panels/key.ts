/**
 * The key on the first screen: what the colours and shapes of the graph mean, in a strip between the
 * graph and the time bar (so it never covers an entity or a label). Only the kinds the dataset has are
 * listed; the legend in the side panel filters and counts them.
 */
import { ENTITY_KINDS, ENTITY_KIND_INFO, RELATION_FAMILIES, RELATION_FAMILY_INFO } from "../../model/ontology.ts";
import { entityKindLabel, familyLabel } from "../model/format.ts";
import { legendCounts } from "../model/legend.ts";
import { FAMILY_COLORS, KIND_COLORS, KIND_SHAPES } from "../model/palette.ts";
import { el, swatch } from "../ui/dom.ts";
import type { MountedPanel, Panel, PanelContext } from "./panel.ts";
import "./key.css";

function mount({ graph, region }: PanelContext): MountedPanel {
  const totals = legendCounts(graph);
  const families = RELATION_FAMILIES.map((family) => {
    const line = el("span", { class: "edge-swatch key-arrow", attrs: { "aria-hidden": "true" } });
    line.style.setProperty("--swatch-color", FAMILY_COLORS[family]);
    return el(
      "li",
      { class: "key-item", attrs: { title: RELATION_FAMILY_INFO[family].description, "data-family": family } },
      line,
      familyLabel(family),
    );
  });
  const kinds = ENTITY_KINDS.filter((kind) => totals.kinds[kind] > 0).map((kind) =>
    el(
      "li",
      { class: "key-item", attrs: { title: ENTITY_KIND_INFO[kind].description, "data-kind": kind } },
      swatch(KIND_COLORS[kind], KIND_SHAPES[kind]),
      entityKindLabel(kind),
    ),
  );
  const element = el(
    "section",
    { class: "graph-key", attrs: { "aria-label": "Key" } },
    el("h2", { class: "key-heading", text: "Key" }),
    el("ul", { class: "key-list key-families", attrs: { "aria-label": "Relations" } }, ...families),
    el("ul", { class: "key-list key-kinds", attrs: { "aria-label": "Entities" } }, ...kinds),
    el("span", { class: "key-hint", text: "Arrows point from who acts to whom it concerns." }),
  );
  region("pane").append(element);
  return { element, update: () => {}, destroy: () => {} };
}

export const keyPanel: Panel = { id: "key", mount };
