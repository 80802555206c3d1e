/** Small valid documents that tests break one field at a time. */
export function validDocument(): {
  entities: Record<string, unknown>[];
  relations: Record<string, unknown>[];
  sources: Record<string, unknown>[];
} {
  return {
    entities: [
      { id: "gov-united-states", kind: "government", name: "Government of the United States", country: "US" },
      { id: "gov-canada", kind: "government", name: "Government of Canada", country: "CA" },
      { id: "huawei", kind: "vendor", name: "Huawei", country: "CN" },
    ],
    relations: [
      {
        id: "us-pressures-canada",
        kind: "pressures",
        source: "gov-united-states",
        target: "gov-canada",
        about: "huawei",
        start: "2019-11-23",
        end: null,
        claim: "The US pressed Canada to exclude Huawei.",
        evidence: [{ source: "news-2019", locator: "paragraph 2" }],
        confidence: "reported",
      },
    ],
    sources: [{ id: "news-2019", url: "https://example.org/news", publisher: "Example News", title: "A warning", published: "2019-11-24" }],
  };
}

export function textOf(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
