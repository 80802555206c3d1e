#!/usr/bin/env python3
"""Draw a stratified random sample of relations from data/ for a manual check against their sources.

Method (the same as the December 2026 audit, /work/shared/research/data-audit-2026-12.md section 2):
  1. Strata are (file x family): every non-empty pair of a data file and a relation family, in sorted order.
  2. Each stratum gets one draw; the remaining draws go to strata by largest remainder, in proportion to
     stratum size (ties broken by the sorted stratum order).
  3. Within a stratum the pool is sorted by relation id and drawn with random.Random(seed).sample(...),
     one generator for all strata, strata taken in sorted order.

Usage: python3 scripts/sample-relations.py [--seed 20261207] [--size 30] [--data data]
Prints one line per drawn relation: number, stratum, id, kind, source -> target, start..end, first source id.
The draw depends only on the seed, the size and the relations (ids, files, kinds) in the data folder, so it
changes when relations are added. The check recorded in data/README.md drew from the data of commit a0b77ec:
  mkdir -p /tmp/snap && git archive a0b77ec data | tar -x -C /tmp/snap
  python3 scripts/sample-relations.py --data /tmp/snap/data
"""
import argparse
import glob
import json
import os
import random

FAMILY = {
    **dict.fromkeys(["pressures", "threatens", "restricts", "bans", "sanctions", "reviews", "charges", "detains",
                     "retaliates", "criticizes", "lobbies"], "pressure"),
    **dict.fromkeys(["uses_equipment_from", "contracts_with", "removes_equipment_from", "supplies",
                     "shares_intelligence_with", "funds"], "dependency"),
    **dict.fromkeys(["member_of", "party_to", "leads", "represents", "part_of", "owns", "regulates", "issues"], "structure"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--size", type=int, default=30)
    parser.add_argument("--data", default="data")
    args = parser.parse_args()

    strata: dict[tuple[str, str], list[dict]] = {}
    for path in sorted(glob.glob(os.path.join(args.data, "**", "*.json"), recursive=True)):
        name = os.path.relpath(path, args.data).removesuffix(".json")
        for relation in json.load(open(path, encoding="utf-8")).get("relations", []):
            strata.setdefault((name, FAMILY[relation["kind"]]), []).append(relation)
    keys = sorted(strata)
    if len(keys) > args.size:
        raise SystemExit(f"{len(keys)} strata for {args.size} draws: raise --size")

    total = sum(len(strata[key]) for key in keys)
    allocation = {key: 1 for key in keys}
    remaining = args.size - len(keys)
    quotas = {key: remaining * len(strata[key]) / total for key in keys}
    for key in keys:
        allocation[key] += int(quotas[key])
    left = args.size - sum(allocation.values())
    by_remainder = sorted(keys, key=lambda key: (-(quotas[key] - int(quotas[key])), keys.index(key)))
    for key in by_remainder[:left]:
        allocation[key] += 1

    rng = random.Random(args.seed)
    number = 0
    for key in keys:
        pool = sorted(strata[key], key=lambda relation: relation["id"])
        for relation in rng.sample(pool, min(allocation[key], len(pool))):
            number += 1
            print(f"{number:2d}  {key[0]} / {key[1]}  {relation['id']}  {relation['kind']}  "
                  f"{relation['source']} -> {relation['target']}  {relation['start']}..{relation.get('end') or ''}  "
                  f"{relation['evidence'][0]['source']}")


if __name__ == "__main__":
    main()
