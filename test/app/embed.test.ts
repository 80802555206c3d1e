import { describe, expect, it } from "vitest";
import { embedSnippet } from "../../src/app/model/embed.ts";

describe("the embed snippet", () => {
  it("is one <iframe> of the address, titled, sized, lazy and sending no referrer", () => {
    expect(embedSnippet("https://atlas.example.org/huawei/?focus=bell&embed=1", "Huawei 5G · Leverage Atlas")).toBe(
      '<iframe src="https://atlas.example.org/huawei/?focus=bell&amp;embed=1" title="Huawei 5G · Leverage Atlas" width="100%" height="520" ' +
        'style="border: 1px solid #d0d7de; border-radius: 6px" loading="lazy" referrerpolicy="no-referrer"></iframe>',
    );
  });

  it("keeps a hostile dataset name or address inside its attribute values", () => {
    const snippet = embedSnippet('https://x.example/?a="><script>alert(1)</script>', '"><img src=x onerror=alert(1)>');
    expect(snippet).not.toContain("<script>");
    expect(snippet).not.toContain("<img");
    expect(snippet.match(/</g)).toHaveLength(2);
    expect(snippet).toContain('title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });
});

