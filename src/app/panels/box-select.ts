/** Box selection: the "Box select" toggle in the toolbar, and the box dragged on the graph (ui/box-select.ts) adding to the selection. */
import { addToSelection } from "../state/actions.ts";
import { BoxSelect } from "../ui/box-select.ts";
import { isTextEntry, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";

function mount({ renderer, store, region }: PanelContext): MountedPanel {
  const box = new BoxSelect(renderer, renderer.getContainer(), (ids) => {
    if (ids.length > 0) store.dispatch(addToSelection, ids);
  });
  region("toolbar").append(box.toggle);
  return {
    update: () => {},
    destroy: () => {},
    // Escape stops a drag. Otherwise it leaves box mode and goes on to the selection panel, so one press
    // both ends box mode and clears what the box selected.
    onEscape: (target) => {
      if (isTextEntry(target)) return false;
      if (box.cancel()) return true;
      if (box.isActive) box.setActive(false);
      return false;
    },
  };
}

export const boxSelectPanel: Panel = { id: "box-select", mount };
