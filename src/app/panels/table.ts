/**
 * The table view under the graph: the entities and the relations the graph shows, as two tables
 * (tabs) that sort by a column, filter by words and by the selection, and export as CSV. They follow
 * the graph's filters, date, neighbourhood and path, and its selection: a row's checkbox selects in
 * the graph, a selection made in the graph ticks the rows, the entity under the pointer in one is
 * lit in the other, and a name opens its details.
 *
 * It is also how a screen reader reads the graph: real <table>s with a caption, column headers
 * (aria-sort on the sorted one) and row headers. Rows come a page at a time (PAGE_SIZE, model/table.ts)
 * rather than virtually scrolled: every row of a page is in the document, so a screen reader's table
 * commands reach all of it and the pager says where it is, and the page never holds more than
 * PAGE_SIZE rows however big the graph.
 */
import { exportFileName } from "../../formats/file-name.ts";
import type { FormatSpec } from "../../formats/format.ts";
import { CONFIDENCE_INFO } from "../../model/ontology.ts";
import { download } from "../files/export-files.ts";
import { exportNameParts, exportScope } from "../model/export-scope.ts";
import { entityKindLabel, familyLabel, formatPartialDate, plural, relationKindLabel } from "../model/format.ts";
import { FAMILY_COLORS, KIND_COLORS, KIND_SHAPES } from "../model/palette.ts";
import {
  PAGE_SIZE,
  SELECT_COLUMN_WIDTH,
  TABLE_COLUMNS,
  tableMinWidth,
  entityRowView,
  nextSort,
  relationRowView,
  type TableColumn,
  type TableEntity,
} from "../model/table.ts";
import type { SourceView } from "../model/details.ts";
import type { ViewResult } from "../model/view.ts";
import {
  addToSelection,
  filterTable,
  hoverEntity,
  openTable,
  select,
  showOnlySelected,
  showTablePage,
  sortTable,
  toggleSelected,
} from "../state/actions.ts";
import type { TableShown } from "../state/derive.ts";
import { TABLE_NAMES, type ExplorerState, type TableName } from "../state/state.ts";
import { el, externalLink, swatch } from "../ui/dom.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./relations.css";
import "./table.css";

const TITLES: Readonly<Record<TableName, string>> = { entities: "Entities", relations: "Relations" };
const NOUNS: Readonly<Record<TableName, [string, string]>> = { entities: ["entity", "entities"], relations: ["relation", "relations"] };
/** What the selection column's checkboxes mean. */
const SELECT_TITLES: Readonly<Record<TableName, string>> = {
  entities: "Selected in the graph",
  relations: "Both ends selected in the graph",
};
/** Above this many rows, the filter waits for a pause in typing. */
const FILTER_DEBOUNCE_FROM = 5_000;

/** exportFileName names files by format; the table's CSV is not a dataset format of the registry. */
const TABLE_CSV: FormatSpec = {
  id: "table-csv",
  name: "CSV",
  label: "CSV table",
  description: "The table view's rows",
  extensions: ["csv"],
  mediaType: "text/csv",
  options: {},
};

function rowsText(name: TableName, count: number): string {
  const [one, many] = NOUNS[name];
  return plural(count, one, many);
}

function mount(context: PanelContext): MountedPanel {
  const { graph, store } = context;
  let state: ExplorerState = store.get();
  let view: ViewResult | null = null;
  let shown: TableShown | null = null;
  /** The table the toolbar button opens: the one open last. */
  let lastOpened: TableName = "entities";

  const toggle = el("button", {
    class: "button table-toggle",
    text: "▦ Table",
    attrs: {
      type: "button",
      "aria-pressed": "false",
      "aria-controls": "table-view",
      title: "Show what the graph shows as tables of entities and relations",
    },
  });
  toggle.addEventListener("click", () => store.dispatch(openTable, store.get().view.table === null ? lastOpened : null));
  context.region("toolbar").append(toggle);

  // Tabs: one per table, arrow keys move between them (ARIA tabs, activated as they are reached).
  const tabs = new Map<TableName, { tab: HTMLButtonElement; count: HTMLElement }>();
  for (const name of TABLE_NAMES) {
    const count = el("span", { class: "table-tab-count" });
    const tab = el(
      "button",
      {
        class: "table-tab",
        attrs: { type: "button", role: "tab", id: `table-tab-${name}`, "aria-controls": "table-panel", "aria-selected": "false" },
      },
      TITLES[name],
      " ",
      count,
    );
    tab.addEventListener("click", () => store.dispatch(openTable, name));
    tabs.set(name, { tab, count });
  }
  const tablist = el("div", { class: "table-tabs", attrs: { role: "tablist", "aria-label": "Tables" } }, ...[...tabs.values()].map(({ tab }) => tab));
  tablist.addEventListener("keydown", (event) => {
    const index = TABLE_NAMES.indexOf(store.get().view.table ?? "entities");
    const last = TABLE_NAMES.length - 1;
    const target = { ArrowLeft: index - 1, ArrowRight: index + 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const name = TABLE_NAMES[(target + TABLE_NAMES.length) % TABLE_NAMES.length] as TableName;
    store.dispatch(openTable, name);
    tabs.get(name)?.tab.focus();
  });
  const close = el("button", {
    class: "icon-button",
    text: "×",
    attrs: { type: "button", "aria-label": "Close the table view", title: "Close the table view" },
  });
  close.addEventListener("click", () => {
    store.dispatch(openTable, null);
    toggle.focus();
  });

  // Controls: filter words, the selection only, CSV, the counts and the pages.
  const filter = el("input", {
    class: "table-filter",
    attrs: { type: "search", id: "table-filter", autocomplete: "off", spellcheck: "false", placeholder: "Names, kinds, dates, claims…" },
  });
  let filterTimer: ReturnType<typeof setTimeout> | undefined;
  const applyFilter = (): void => {
    clearTimeout(filterTimer);
    const open = store.get().view.table;
    if (open !== null) store.dispatch(filterTable, { table: open, filter: filter.value });
  };
  filter.addEventListener("input", () => {
    clearTimeout(filterTimer);
    if ((shown?.table.size ?? 0) > FILTER_DEBOUNCE_FROM) filterTimer = setTimeout(applyFilter, 150);
    else applyFilter();
  });
  const onlySelected = el("input", { attrs: { type: "checkbox", id: "table-only-selected" } });
  onlySelected.addEventListener("change", () => {
    const open = store.get().view.table;
    if (open !== null) store.dispatch(showOnlySelected, { table: open, onlySelected: onlySelected.checked });
  });
  const exportButton = el("button", { class: "button", text: "Export rows (CSV)", attrs: { type: "button", "aria-describedby": "table-counts" } });
  exportButton.addEventListener("click", () => void exportCsv());
  const exportStatus = el("p", { class: "table-export-status", attrs: { role: "status", "aria-live": "polite" } });
  const counts = el("p", { class: "table-counts", attrs: { id: "table-counts" } });

  const pageButton = (text: string, label: string): HTMLButtonElement =>
    el("button", { class: "icon-button", text, attrs: { type: "button", "aria-label": label, title: label } });
  const first = pageButton("«", "First page");
  const previous = pageButton("‹", "Previous page");
  const next = pageButton("›", "Next page");
  const lastPage = pageButton("»", "Last page");
  const pageLabel = el("span", { class: "table-page" });
  const goTo = (page: (shown: TableShown) => number): void => {
    if (shown === null) return;
    store.dispatch(showTablePage, { table: shown.name, page: page(shown) });
  };
  first.addEventListener("click", () => goTo(() => 0));
  previous.addEventListener("click", () => goTo((current) => current.page - 1));
  next.addEventListener("click", () => goTo((current) => current.page + 1));
  lastPage.addEventListener("click", () => goTo((current) => current.pageCount - 1));
  const pager = el("nav", { class: "table-pager", attrs: { "aria-label": "Table pages" } }, first, previous, pageLabel, next, lastPage);

  const controls = el(
    "div",
    { class: "table-controls" },
    el("div", { class: "table-filter-field" }, el("label", { text: "Filter rows", attrs: { for: "table-filter" } }), filter),
    el("label", { class: "table-only", attrs: { for: "table-only-selected" } }, onlySelected, " Only the selection"),
    exportButton,
    pager,
    counts,
    exportStatus,
  );

  const caption = el("caption", { class: "visually-hidden", attrs: { id: "table-caption" } });
  const head = el("thead");
  const body = el("tbody");
  // A row drawn again under a still pointer gets no mouseleave: leaving the rows un-lights the graph too.
  body.addEventListener("mouseleave", () => store.dispatch(hoverEntity, null));
  const table = el("table", { class: "data-table" }, caption, head, body);
  // Focusable so the keyboard scrolls it; named by the caption.
  const scroller = el("div", { class: "table-scroll", attrs: { tabindex: "0", role: "region", "aria-labelledby": "table-caption" } }, table);
  const empty = el("p", { class: "table-empty", attrs: { hidden: true } });
  const panel = el(
    "div",
    { class: "table-panel", attrs: { role: "tabpanel", id: "table-panel", "aria-labelledby": "table-tab-entities" } },
    controls,
    scroller,
    empty,
  );
  const section = el(
    "section",
    { class: "table-view", attrs: { id: "table-view", "aria-labelledby": "table-heading", hidden: true } },
    el("div", { class: "table-header" }, el("h2", { class: "section-heading", text: "Table", attrs: { id: "table-heading" } }), tablist, close),
    panel,
  );
  context.region("drawer").append(section);

  function renderHead(shownTable: TableShown, query: ExplorerState["tables"][TableName]): void {
    const name = shownTable.name;
    const columns = TABLE_COLUMNS[name];
    const select = el("th", {
      class: "cell-select",
      text: "Selected",
      attrs: { scope: "col", id: `table-col-select-${name}`, title: SELECT_TITLES[name] },
    });
    select.style.width = `${SELECT_COLUMN_WIDTH}em`;
    head.replaceChildren(el("tr", {}, select, ...columns.map((column) => headerCell(name, column, query.sort))));
    // Fixed widths: a page of rows lays out at once, and the columns stay put from page to page.
    table.style.minWidth = `${tableMinWidth(columns)}em`;
  }

  function headerCell(name: TableName, column: TableColumn, sort: { column: string; direction: "ascending" | "descending" }): HTMLElement {
    const sorted = sort.column === column.id;
    const cell = el("th", {
      class: `cell-${column.id}${column.numeric ? " numeric" : ""}`,
      attrs: { scope: "col", "aria-sort": sorted ? sort.direction : undefined },
    });
    if (column.width !== undefined) cell.style.width = `${column.width}em`;
    if (!column.sort) {
      cell.textContent = column.header;
      return cell;
    }
    const button = el(
      "button",
      { class: "sort-button", attrs: { type: "button" } },
      column.header,
      el("span", { class: "sort-mark", text: sorted ? (sort.direction === "ascending" ? " ▲" : " ▼") : " ↕", attrs: { "aria-hidden": "true" } }),
    );
    button.addEventListener("click", () => {
      const current = store.get().tables[name].sort;
      store.dispatch(sortTable, { table: name, sort: nextSort(name, current, column.id) });
    });
    cell.append(button);
    return cell;
  }

  function entityButton(entity: TableEntity, key: string, id?: string): HTMLButtonElement {
    const button = el("button", {
      class: "entity-link",
      text: entity.label,
      attrs: { type: "button", id, "data-entity": entity.id, "data-key": key },
    });
    button.addEventListener("click", () => context.choose(entity.id));
    return button;
  }

  function hoverLinks(row: HTMLElement, id: string): void {
    row.addEventListener("mouseenter", () => store.dispatch(hoverEntity, id));
    row.addEventListener("mouseleave", () => {
      if (store.get().hover.entity === id) store.dispatch(hoverEntity, null);
    });
  }

  function entityRow(row: number, id: string): HTMLTableRowElement {
    const entity = entityRowView(graph, id);
    const nameId = `table-entity-${row}`;
    const check = el("input", {
      attrs: { type: "checkbox", "aria-labelledby": `table-col-select-entities ${nameId}`, "data-key": `${id}:select` },
    });
    check.addEventListener("change", () => store.dispatch(toggleSelected, id));
    const tr = el(
      "tr",
      { attrs: { "data-entity": id } },
      el("td", { class: "cell-select" }, check),
      el("th", { class: "cell-name", attrs: { scope: "row" } }, entityButton(entity, `${id}:name`, nameId)),
      el("td", { class: "cell-kind" }, swatch(KIND_COLORS[entity.kind], KIND_SHAPES[entity.kind]), ` ${entityKindLabel(entity.kind)}`),
      el("td", { class: "cell-country", text: entity.country }),
      el("td", { class: "cell-relations numeric", text: entity.relations.toLocaleString("en") }),
      el("td", { class: "cell-aliases", text: entity.aliases.join(", ") }),
    );
    hoverLinks(tr, id);
    return tr;
  }

  function sourceItem(source: SourceView, key: string): HTMLElement {
    const title = source.url ? externalLink(source.url, source.title, "source-link") : el("span", { text: source.title });
    title.dataset.key = key;
    const meta = [source.publisher, source.published ? formatPartialDate(source.published) : null].filter((part) => part !== null);
    return el("li", {}, title, el("span", { class: "source-meta", text: ` — ${meta.join(", ")}` }));
  }

  function relationRow(row: number, id: string): HTMLTableRowElement {
    const relation = relationRowView(graph, id);
    const ids = { from: `table-relation-${row}-from`, kind: `table-relation-${row}-kind`, to: `table-relation-${row}-to` };
    const check = el("input", {
      attrs: {
        type: "checkbox",
        "aria-labelledby": `table-col-select-relations ${ids.from} ${ids.kind} ${ids.to}`,
        "data-key": `${id}:select`,
      },
    });
    check.addEventListener("change", () => {
      const ends = [relation.from.id, relation.to.id];
      if (check.checked) store.dispatch(addToSelection, ends);
      else store.dispatch(select, [...store.get().selection].filter((selected) => !ends.includes(selected)));
    });
    const kind = el(
      "th",
      { class: "cell-kind", attrs: { scope: "row", id: ids.kind } },
      el("span", { class: "edge-swatch", attrs: { "aria-hidden": "true" } }),
      relationKindLabel(relation.kind),
      relation.about ? el("span", { class: "relation-about", text: ` (about ${relation.about.label})` }) : null,
    );
    kind.querySelector<HTMLElement>(".edge-swatch")?.style.setProperty("--swatch-color", FAMILY_COLORS[relation.family]);
    kind.title = familyLabel(relation.family);
    const date = (value: string): HTMLElement => el("time", { text: formatPartialDate(value), attrs: { datetime: value } });
    const tr = el(
      "tr",
      { attrs: { "data-from": relation.from.id, "data-to": relation.to.id } },
      el("td", { class: "cell-select" }, check),
      el("td", { class: "cell-from" }, entityButton(relation.from, `${id}:from`, ids.from)),
      kind,
      el("td", { class: "cell-to" }, entityButton(relation.to, `${id}:to`, ids.to)),
      el("td", { class: "cell-start" }, date(relation.start)),
      el("td", { class: "cell-end" }, relation.end === null ? "ongoing" : date(relation.end)),
      el(
        "td",
        { class: "cell-confidence" },
        el("span", {
          class: `confidence confidence-${relation.confidence}`,
          text: relation.confidence,
          attrs: { title: CONFIDENCE_INFO[relation.confidence] },
        }),
      ),
      el(
        "td",
        { class: "cell-claim" },
        el("p", { class: "table-claim", text: relation.claim }),
        el(
          "ul",
          { class: "table-sources", attrs: { "aria-label": "Sources" } },
          ...relation.sources.map((source, index) => sourceItem(source, `${id}:source-${index}`)),
        ),
      ),
    );
    return tr;
  }

  /** Why a table shows no row. */
  function emptyText(current: TableShown, query: ExplorerState["tables"][TableName]): string {
    const [, many] = NOUNS[current.name];
    if (current.inView === 0)
      return `The graph shows no ${many}: the legend's filters, the date or the neighbourhood hide them all.`;
    if (query.onlySelected && state.selection.size === 0)
      return "Nothing is selected: select entities in the graph (click, shift-click, a box) or untick “Only the selection”.";
    if (query.onlySelected && query.filter.trim() === "")
      return current.name === "entities"
        ? "No selected entity is in the graph's view."
        : "No relation in the graph's view joins two selected entities.";
    return `No ${NOUNS[current.name][0]} in the graph's view holds “${query.filter.trim()}”${query.onlySelected ? " in the selection" : ""}.`;
  }

  function renderRows(current: TableShown, query: ExplorerState["tables"][TableName]): void {
    // Keep keyboard focus on the same control when a row is drawn again (a checkbox ticked, a new page).
    const active = document.activeElement instanceof HTMLElement && body.contains(document.activeElement) ? document.activeElement : null;
    const key = active?.dataset.key;
    body.replaceChildren(
      ...current.pageRows.map((row) => {
        const id = current.table.ids[row] as string;
        return current.name === "entities" ? entityRow(row, id) : relationRow(row, id);
      }),
    );
    if (active) {
      const again = [...body.querySelectorAll<HTMLElement>("[data-key]")].find((element) => element.dataset.key === key);
      (again ?? scroller).focus();
    }
    const from = current.rows.length === 0 ? 0 : current.page * PAGE_SIZE + 1;
    const to = Math.min(current.rows.length, (current.page + 1) * PAGE_SIZE);
    const range = `${from.toLocaleString("en")}–${to.toLocaleString("en")} of ${rowsText(current.name, current.rows.length)}`;
    const narrowed = current.rows.length < current.inView ? ` (${current.inView.toLocaleString("en")} in the graph's view)` : "";
    counts.textContent = `${range}${narrowed}`;
    const column = TABLE_COLUMNS[current.name].find((candidate) => candidate.id === query.sort.column);
    caption.textContent = `${TITLES[current.name]} the graph shows, sorted by ${column?.header ?? query.sort.column} (${query.sort.direction}): ${range}.`;
    pageLabel.textContent = `Page ${(current.page + 1).toLocaleString("en")} of ${current.pageCount.toLocaleString("en")}`;
    first.disabled = previous.disabled = current.page === 0;
    next.disabled = lastPage.disabled = current.page >= current.pageCount - 1;
    pager.hidden = current.pageCount <= 1;
    const none = current.rows.length === 0;
    scroller.hidden = none;
    empty.hidden = !none;
    if (none) empty.textContent = emptyText(current, query);
  }

  /** Ticks and lights the rows of the page: selected, under the pointer, the entity in Details. */
  function markRows(selection: ReadonlySet<string>, hovered: string | null, focus: string | null): void {
    for (const row of body.rows) {
      const { entity, from, to } = row.dataset;
      const selected = entity !== undefined ? selection.has(entity) : selection.has(from ?? "") && selection.has(to ?? "");
      const lit = hovered !== null && (entity === hovered || from === hovered || to === hovered);
      row.classList.toggle("is-selected", selected);
      row.classList.toggle("is-hovered", lit);
      if (entity !== undefined && entity === focus) row.setAttribute("aria-current", "true");
      else row.removeAttribute("aria-current");
      const check = row.querySelector<HTMLInputElement>("input[type=checkbox]");
      if (check) check.checked = selected;
    }
  }

  async function exportCsv(): Promise<void> {
    const current = shown;
    if (current === null || view === null) return;
    const query = state.tables[current.name];
    if (current.rows.length === 0) {
      exportStatus.textContent = "Nothing to export: the table shows no row.";
      return;
    }
    exportButton.disabled = true;
    try {
      const { tableCsv } = await import("../model/table-csv.ts");
      const text = tableCsv(graph, current.table, current.rows);
      const scope = exportScope(graph, state.view, view, query.onlySelected ? state.selection : new Set());
      // The view's name (dataset, neighbourhood, date...), then which table, and whether words narrowed it.
      const name = exportFileName(exportNameParts(graph, scope), TABLE_CSV).replace(
        /\.csv$/,
        `_${current.name}${query.filter.trim() === "" ? "" : "_filtered"}.csv`,
      );
      download(new Blob([text], { type: "text/csv;charset=utf-8" }), name);
      exportStatus.textContent = `Exported ${rowsText(current.name, current.rows.length)} as ${name}`;
    } catch (error) {
      exportStatus.textContent = `The export failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      exportButton.disabled = false;
    }
  }

  const opened = new Inputs();
  const sizes = new Inputs();
  const heads = new Inputs();
  const rows = new Inputs();
  const marks = new Inputs();
  const places = new Inputs();
  return {
    element: section,
    update: (next, derived) => {
      state = next;
      view = derived.view;
      shown = derived.table;
      const open = next.view.table;
      if (opened.changed(open)) {
        section.hidden = open === null;
        toggle.setAttribute("aria-pressed", String(open !== null));
        if (open !== null) lastOpened = open;
        for (const [name, { tab }] of tabs) {
          tab.setAttribute("aria-selected", String(name === open));
          tab.tabIndex = name === (open ?? lastOpened) ? 0 : -1;
        }
        panel.setAttribute("aria-labelledby", `table-tab-${open ?? lastOpened}`);
        exportStatus.textContent = "";
      }
      if (sizes.changed(derived.view)) {
        tabs.get("entities")?.count.replaceChildren(derived.view.nodes.size.toLocaleString("en"));
        tabs.get("relations")?.count.replaceChildren(derived.view.edges.size.toLocaleString("en"));
      }
      if (open === null || shown === null) return;
      const query = next.tables[open];
      if (heads.changed(open, query.sort)) renderHead(shown, query);
      if (rows.changed(shown)) {
        if (document.activeElement !== filter) filter.value = query.filter;
        onlySelected.checked = query.onlySelected;
        renderRows(shown, query);
        // Another table, order, filter or page starts at its top; the same rows redrawn (the date moved) stay where they were.
        if (places.changed(open, query.sort, query.filter, query.onlySelected, shown.page)) scroller.scrollTop = 0;
      }
      if (marks.changed(shown, next.selection, next.hover.entity, derived.sigma.focus)) markRows(next.selection, next.hover.entity, derived.sigma.focus);
    },
    destroy: () => clearTimeout(filterTimer),
  };
}

export const tablePanel: Panel = { id: "table", mount };
