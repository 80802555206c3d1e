import { describe, expect, it } from "vitest";
import { exportFileName } from "../../src/formats/file-name.ts";

describe("exported file names", () => {
  it("name the dataset, the focus and the date, in safe characters", () => {
    const dataset = "Huawei 5G: pressure and dependency around Canada, 2008-2024";
    expect(exportFileName({ dataset }, "gexf")).toBe("huawei-5g-pressure-and-dependency-around-canada.gexf");
    expect(exportFileName({ dataset, selection: { ego: { id: "huawei", depth: 2 }, at: "2019-11" } }, "gexf", { dynamic: true })).toBe(
      "huawei-5g-pressure-and-dependency-around-canada_ego-huawei-2_at-2019-11_dynamic.gexf",
    );
    expect(exportFileName({ dataset, selection: { ids: ["a", "b"], families: ["pressure"], from: "2019" }, scope: "view" }, "png")).toBe(
      "huawei-5g-pressure-and-dependency-around-canada_2-selected_pressure_2019-to-now.png",
    );
    expect(exportFileName({ dataset: "Québec ✓ <script>", scope: "view" }, "json")).toBe("quebec-script_view.json");
  });
});
