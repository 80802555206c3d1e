/**
 * The one way the explorer builds DOM: elements with attributes and children, where every string
 * becomes a text node. Dataset text never goes through innerHTML.
 */
import "./widgets.css";
import { isHttpUrl } from "../../model/schema.ts";

type Child = Node | string | null | undefined | false;

export interface ElementOptions {
  class?: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | undefined>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.class) element.className = options.class;
  if (options.text !== undefined) element.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** A link to an http(s) URL that opens in a new tab without handing it this page; plain text for anything else. */
export function externalLink(url: string, text: string, className?: string): HTMLElement {
  if (!isHttpUrl(url)) return el("span", { text, class: className });
  return el("a", { text, class: className, attrs: { href: url, target: "_blank", rel: "noopener noreferrer" } });
}

/** A small square of colour beside a legend or kind name. */
export function swatch(color: string, shape: string = "circle"): HTMLElement {
  const element = el("span", { class: `swatch swatch-${shape}`, attrs: { "aria-hidden": "true" } });
  element.style.setProperty("--swatch-color", color);
  return element;
}

let idCounter = 0;
export function uniqueId(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
