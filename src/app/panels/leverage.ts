/**
 * The Leverage panel: a government to choose, its exposure, and the chains pressing it at the
 * time control's month, each with its dependents, ties, and numbered steps with source links.
 * Choosing a chain (its title is a button) lights it up on the graph and fits the camera to it;
 * Clear or Escape undoes it. The analysis runs in a worker (analysis/leverage-analysis.ts).
 */
import { CONFIDENCE_INFO } from "../../model/ontology.ts";
import type { StepRole } from "../../analysis/steps.ts";
import { entityKindLabel, formatPartialDate, plural, relationKindLabel } from "../model/format.ts";
import {
  exposureText,
  partyGroups,
  whenText,
  type ChainRow,
  type EntityRef,
  type LeverageView,
  type SourceRow,
  type StepRow,
} from "../model/leverage-view.ts";
import { fitCameraTo } from "../render/camera.ts";
import { chooseChain, chooseGovernment } from "../state/actions.ts";
import type { LeverageShown } from "../state/derive.ts";
import { el, externalLink } from "../ui/dom.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./leverage.css";
import "./relations.css";

export interface LeveragePanelHandlers {
  onGovernment: (id: string) => void;
  /** Choose a chain (null clears the choice). */
  onChain: (id: string | null) => void;
  /** Open an entity's details. */
  onEntity: (id: string) => void;
}

const ROLE_LABELS: Readonly<Record<StepRole, string>> = {
  pressure: "pressure",
  presser: "acts for presser",
  pressed: "acts for pressed",
  dependency: "dependency",
  tie: "tie",
  bloc: "bloc",
  under: "under",
};

/** Scrolls the side panel (when it scrolls on its own) so a chosen chain's title is in view; the page itself never moves. */
function revealInPanel(item: HTMLElement): void {
  const scroller = item.closest<HTMLElement>(".side-panel");
  if (!scroller || scroller.scrollHeight <= scroller.clientHeight) return;
  const top = item.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
  if (top < 0 || top > scroller.clientHeight - 80) scroller.scrollTop += top - 8;
}

export class LeveragePanel {
  readonly element: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly status: HTMLElement;
  private readonly exposure: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly clear: HTMLButtonElement;
  private readonly chainItems = new Map<
    string,
    { item: HTMLElement; button: HTMLButtonElement; summary: HTMLElement; detail: HTMLElement; chain: ChainRow }
  >();
  private optionsKey = "";
  private listKey = "";

  constructor(private readonly handlers: LeveragePanelHandlers) {
    this.select = el("select", { class: "select", attrs: { id: "leverage-government" } });
    this.select.addEventListener("change", () => handlers.onGovernment(this.select.value));
    this.status = el("div", { class: "leverage-status", attrs: { role: "status", "aria-live": "polite", id: "leverage-status" } });
    this.exposure = el("div", { class: "leverage-exposure" });
    this.list = el("ol", { class: "chains", attrs: { "aria-label": "Leverage chains" } });
    this.clear = el("button", { class: "button", text: "Clear", attrs: { type: "button", "aria-label": "Clear the highlighted chain" } });
    this.clear.addEventListener("click", () => handlers.onChain(null));
    this.element = el(
      "section",
      { class: "panel-section leverage", attrs: { "aria-labelledby": "leverage-heading", id: "leverage" } },
      el("h2", { class: "section-heading", text: "Leverage", attrs: { id: "leverage-heading" } }),
      el("p", {
        class: "hint",
        text: "Who presses a government about a vendor, what of it depends on that vendor, and what the presser holds over it. Choose a chain to light it up; the time control applies.",
      }),
      el(
        "div",
        { class: "field" },
        el("label", { text: "Government (or other pressed party)", attrs: { for: "leverage-government" } }),
        this.select,
      ),
      this.exposure,
      this.status,
      this.list,
      el("div", { class: "button-row" }, this.clear),
    );
  }

  /** While the analysis runs (or when it failed): a line of text in place of the chains. */
  showPending(message: string): void {
    this.element.setAttribute("aria-busy", "true");
    this.status.replaceChildren(el("p", { class: "leverage-pending", text: message }));
  }

  /** Shows a view; rebuilds the chain list only when its chains changed. */
  show(view: LeverageView, parties: readonly EntityRef[], chosen: string | null): void {
    this.element.removeAttribute("aria-busy");
    this.renderOptions(view.government, parties);
    this.renderExposure(view);
    const key = `${view.government?.id ?? ""}\u0000${view.at ?? ""}\u0000${view.chains.map((chain) => chain.id).join(",")}`;
    if (key !== this.listKey) {
      this.listKey = key;
      this.chainItems.clear();
      this.list.replaceChildren(...view.chains.map((chain) => this.renderChain(chain)));
    }
    for (const [id, { item, button, summary, detail, chain }] of this.chainItems) {
      const isChosen = id === chosen;
      if (isChosen === !detail.hidden) continue;
      item.classList.toggle("chain-chosen", isChosen);
      button.setAttribute("aria-pressed", String(isChosen));
      summary.hidden = isChosen;
      detail.hidden = !isChosen;
      // Only the chosen chain's steps are in the page: a government pressed for years has many chains.
      detail.replaceChildren(...(isChosen ? this.renderDetail(chain) : []));
      if (isChosen) revealInPanel(item);
    }
    const count =
      view.chains.length === 0
        ? (view.empty ?? "")
        : `${plural(view.chains.length, "chain")} pressing ${view.government?.label ?? ""} ${whenText(view.at)}.`;
    const missing =
      chosen !== null && view.chosen === null
        ? ` The chosen chain is not active ${whenText(view.at)}; it lights up again at a date when it is.`
        : "";
    this.status.replaceChildren(el("p", { class: view.chains.length === 0 ? "leverage-empty" : "", text: count + missing }));
    this.clear.disabled = chosen === null;
  }

  private renderOptions(government: EntityRef | null, parties: readonly EntityRef[]): void {
    const all = government !== null && !parties.some((party) => party.id === government.id) ? [government, ...parties] : [...parties];
    const key = all.map((party) => party.id).join(",");
    if (key !== this.optionsKey) {
      this.optionsKey = key;
      const option = (party: EntityRef): HTMLOptionElement => el("option", { text: party.label, attrs: { value: party.id } });
      // Grouped under what they are: a carrier pressed directly is never offered as a government.
      this.select.replaceChildren(
        ...partyGroups(all).map((group) => el("optgroup", { attrs: { label: group.label } }, ...group.parties.map(option))),
      );
    }
    this.select.disabled = all.length === 0;
    if (government !== null) this.select.value = government.id;
  }

  private renderExposure(view: LeverageView): void {
    if (view.government === null || view.exposure.length + view.otherSubjects.length === 0) {
      this.exposure.replaceChildren();
      return;
    }
    const others = view.otherSubjects.map(
      (line) => `${line.subject.label} (${entityKindLabel(line.subject.kind).toLowerCase()}; ${plural(line.pressures, "pressure")})`,
    );
    this.exposure.replaceChildren(
      el("h3", { class: "leverage-subheading", text: `Exposure ${view.at === null ? "over all dates" : whenText(view.at)}` }),
      el(
        "ul",
        { class: "exposure-list" },
        ...view.exposure.map((line) =>
          el(
            "li",
            { attrs: { "data-vendor": line.vendor.id } },
            el("strong", { text: line.vendor.label }),
            el("span", {
              class: "exposure-score",
              text: ` score ${line.score}`,
              attrs: { title: "(2 × dependent carriers + other dependents) × governments pressing" },
            }),
            `: ${exposureText(line)}`,
          ),
        ),
      ),
      ...(others.length === 0
        ? []
        : [
            el("p", {
              class: "hint exposure-other",
              text: `Also pressed about what nothing depends on: ${others.join(", ")}.`,
            }),
          ]),
    );
  }

  private entityButton(entity: EntityRef): HTMLElement {
    const button = el("button", { class: "entity-link", text: entity.label, attrs: { type: "button", "data-entity": entity.id } });
    button.addEventListener("click", () => this.handlers.onEntity(entity.id));
    return button;
  }

  /** A chain in the list: its title (the button that chooses it) and a one-line summary; the rest opens when it is chosen. */
  private renderChain(chain: ChainRow): HTMLElement {
    const choose = el(
      "button",
      { class: "chain-choose", attrs: { type: "button", "aria-pressed": "false", "data-chain": chain.id } },
      el("span", { class: "chain-title", text: `${chain.presser.label} → ${chain.pressed.label} about ${chain.vendor.label}` }),
      el("span", {
        class: "chain-date",
        text: `${chain.pressure.period} · ${chain.pressure.actor.label} ${relationKindLabel(chain.pressure.kind)} ${chain.pressure.target.label}`,
      }),
    );
    choose.title = "Light this chain up on the graph and show its steps and sources (choose again, Clear or Escape to undo)";
    choose.addEventListener("click", () => this.handlers.onChain(choose.getAttribute("aria-pressed") === "true" ? null : chain.id));
    const summary = el(
      "p",
      { class: "chain-summary" },
      el("span", { class: "chain-summary-label", text: "Dependents: " }),
      chain.dependents.map((dependent) => dependent.entity.label).join(", "),
      el("br"),
      el("span", { class: "chain-summary-label", text: "Ties: " }),
      chain.ties.length === 0 ? "none recorded" : chain.ties.map((tie) => tie.text).join("; "),
    );
    const detail = el("div", { class: "chain-detail", attrs: { hidden: true, id: `chain-detail-${this.chainItems.size}` } });
    choose.setAttribute("aria-controls", detail.id);
    const item = el("li", { class: "chain", attrs: { "data-chain": chain.id } }, choose, summary, detail);
    this.chainItems.set(chain.id, { item, button: choose, summary, detail, chain });
    return item;
  }

  /** The chosen chain in full: each dependent with its dependencies' kinds and dates, the ties, the numbered steps and sources. */
  private renderDetail(chain: ChainRow): HTMLElement[] {
    const dependents = el(
      "ul",
      { class: "chain-dependents" },
      ...chain.dependents.map((dependent) =>
        el(
          "li",
          { attrs: { "data-entity": dependent.entity.id } },
          this.entityButton(dependent.entity),
          el("span", { class: "chain-kind", text: ` ${entityKindLabel(dependent.entity.kind).toLowerCase()}` }),
          el(
            "ul",
            { class: "chain-dependencies" },
            ...dependent.dependencies.map((line) =>
              el(
                "li",
                { attrs: { "data-relation": line.relation } },
                line.text,
                el("span", { class: "chain-period", text: ` · ${line.period}` }),
              ),
            ),
          ),
        ),
      ),
    );
    const ties = el(
      "ul",
      { class: "chain-ties" },
      ...(chain.ties.length === 0
        ? [el("li", { class: "hint", text: "None recorded." })]
        : chain.ties.map((tie) =>
            el(
              "li",
              { attrs: { "data-tie": tie.type } },
              tie.text,
              tie.period ? el("span", { class: "chain-period", text: ` · ${tie.period}` }) : null,
            ),
          )),
    );
    return [
      el("h4", { class: "chain-label", text: `Dependents (${chain.dependents.length})` }),
      dependents,
      el("h4", { class: "chain-label", text: "Ties" }),
      ties,
      el("h4", { class: "chain-label", text: `Steps (${chain.steps.length})` }),
      el("ol", { class: "steps" }, ...chain.steps.map((step) => this.renderStep(step, chain.sources))),
      el("h4", { class: "chain-label", text: `Sources (${chain.sources.length})` }),
      el("ol", { class: "chain-sources" }, ...chain.sources.map((source) => this.renderSource(source))),
    ];
  }

  private renderStep(step: StepRow, sources: readonly SourceRow[]): HTMLElement {
    const links = step.sources.map((number) => {
      const source = sources[number - 1];
      const link = source?.url ? externalLink(source.url, `[${number}]`, "source-link") : el("span", { text: `[${number}]` });
      link.title = source ? `${source.publisher}, “${source.title}”${step.locators[number] ? `, ${step.locators[number]}` : ""}` : "";
      return link;
    });
    const cited = el("span", { class: "step-sources" });
    links.forEach((link, index) => cited.append(...(index === 0 ? [link] : [" ", link])));
    return el(
      "li",
      { class: `step family-${step.family}`, attrs: { "data-relation": step.relation, "data-role": step.role } },
      el(
        "p",
        { class: "step-line" },
        el("span", { class: "step-role", text: ROLE_LABELS[step.role] }),
        " ",
        step.source.label,
        el("span", { class: "relation-kind", text: ` ${relationKindLabel(step.kind)} ` }),
        step.target.label,
      ),
      el(
        "p",
        { class: "relation-meta" },
        el("time", { text: step.period }),
        " · ",
        el("span", {
          class: `confidence confidence-${step.confidence}`,
          text: step.confidence,
          attrs: { title: CONFIDENCE_INFO[step.confidence] },
        }),
        " · ",
        cited,
      ),
      el("p", { class: "relation-claim", text: step.claim }),
    );
  }

  private renderSource(source: SourceRow): HTMLElement {
    const title = source.url ? externalLink(source.url, source.title, "source-link") : el("span", { text: source.title });
    const meta = [source.publisher, source.published ? formatPartialDate(source.published) : null]
      .filter((part) => part !== null)
      .join(", ");
    return el("li", { class: "source", attrs: { value: source.number } }, title, el("span", { class: "source-meta", text: ` — ${meta}` }));
  }
}

function mount(context: PanelContext): MountedPanel {
  const { renderer, store, region } = context;
  let shown: LeverageShown | null = null;
  /** Fit the camera to the next highlight: set by a choice in the panel, and at first by a chain in the address. */
  let fitPending = true;
  const choose = (chain: string | null): void => {
    if (chain !== null) fitPending = true;
    store.dispatch(chooseChain, { government: shown?.view?.government?.id ?? null, chain });
  };
  const panel = new LeveragePanel({
    onGovernment: (id) => store.dispatch(chooseGovernment, id),
    onChain: choose,
    onEntity: (id) => context.choose(id),
  });
  region("side").append(panel.element);
  const content = new Inputs();
  const highlight = new Inputs();
  const settled = new Inputs();
  return {
    element: panel.element,
    update: (state, derived) => {
      shown = derived.leverage;
      const { pending, view, parties, chosen } = shown;
      if (content.changed(pending, view, parties, chosen)) {
        if (view === null) panel.showPending(pending ?? "");
        else panel.show(view, parties, chosen);
      }
      const lit = shown.highlight;
      if (highlight.changed(lit?.id ?? null) && lit !== null && fitPending) {
        fitPending = false;
        fitCameraTo(renderer, lit.nodes);
      }
      // A chain lit up during the first layout was fitted while entities still moved: fit it again once it settles,
      // after sigma's next frame (which brings the last positions into its display data).
      if (settled.changed(state.layout.settledOnce) && state.layout.settledOnce && lit !== null) {
        renderer.once("afterRender", () => {
          const now = shown?.highlight;
          if (now) fitCameraTo(renderer, now.nodes);
        });
      }
    },
    destroy: () => {},
    // Escape clears the chain from anywhere but a form field.
    onEscape: (target) => {
      if (shown === null || shown.chosen === null) return false;
      if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return false;
      choose(null);
      return true;
    },
  };
}

export const leveragePanel: Panel = { id: "leverage", mount };
