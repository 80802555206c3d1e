/** The typed graphology graph every view, export and analysis works on. */
import type { MultiDirectedGraph } from "graphology";
import type { Confidence, EntityKind, RelationFamily, RelationKind } from "../model/ontology.ts";
import type { Evidence, Source } from "../model/schema.ts";

/** Node attributes: one node per entity, keyed by the entity id. `label` holds the entity's name. */
export interface EntityAttributes {
  kind: EntityKind;
  label: string;
  aliases: string[];
  country?: string;
  description?: string;
  url?: string;
}

/** Edge attributes: one edge per relation, keyed by the relation id. */
export interface RelationAttributes {
  kind: RelationKind;
  family: RelationFamily;
  start: string;
  /** null while the relation holds. */
  end: string | null;
  claim: string;
  confidence: Confidence;
  /** Pressure relations: the entity (usually a vendor) the pressure concerns. */
  about?: string;
  /** Citations in the dataset's order; resolve ids through the graph's `sources`. */
  evidence: Evidence[];
}

export interface GraphAttributes {
  name: string;
  description?: string;
  licence?: string;
  version?: string;
  url?: string;
  /** The years the dataset is about (the explorer animates them). */
  period?: { from: string; to: string };
  /** Counts of the dataset the graph was built from. */
  counts: { entities: number; relations: number; sources: number };
  /** Every source of the dataset, by id. */
  sources: Record<string, Source>;
}

export type AtlasGraph = MultiDirectedGraph<EntityAttributes, RelationAttributes, GraphAttributes>;
