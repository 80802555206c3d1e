/** The served folder's status in the state: the live link to `atlas serve` made, broken and re-made. */
import { describe, expect, it } from "vitest";
import { focusEntity, servedLinkChanged } from "../../../src/app/state/actions.ts";
import { defaultViewState } from "../../../src/app/state/address.ts";
import { initialState } from "../../../src/app/state/state.ts";

describe("servedLinkChanged", () => {
  const served = { folder: "data", mode: "edit", link: "connecting" } as const;

  it("changes with the live link, and not at all on a page that is not served", () => {
    const state = initialState(defaultViewState(), { notices: [], warnings: [], served });
    const live = servedLinkChanged(state, "live");
    expect(live.dataset.served?.link).toBe("live");
    expect(servedLinkChanged(live, "live")).toBe(live);
    const plain = initialState(defaultViewState(), { notices: [], warnings: [] });
    expect(servedLinkChanged(plain, "live")).toBe(plain);
    expect(servedLinkChanged(focusEntity(live, "bell"), "reconnecting").view.focus).toBe("bell");
  });
});
