/**
 * Saving and loading anomaly models (`--model FILE`): one JSON document with a `kind` field and
 * the data the model scores with. Vectors are base64 of little-endian float32, so a loaded model
 * scores bit-for-bit as the saved one did.
 */
import { z } from "zod";
import type { ActorType } from "../activity.ts";
import type { AnomalyModel } from "../model.ts";
import { type EmbeddingModel, embeddingModel } from "./embedding.ts";
import { type FirstSeenModel, firstSeenModel } from "./first-seen.ts";
import { type FrequencyModel, frequencyModel } from "./frequency.ts";

/** Identifies the file format. */
const FORMAT = "seqlab-anomaly-model";
const VERSION = 1;

/** The models this module can save. */
export type SavableModel = EmbeddingModel | FirstSeenModel | FrequencyModel;

function toBase64(v: Float32Array): string {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64");
}

function fromBase64(text: string, length: number, field: string): Float32Array {
  const bytes = Buffer.from(text, "base64");
  if (bytes.byteLength !== length * 4) throw new Error(`model file: ${field} holds ${bytes.byteLength / 4} floats, expected ${length}`);
  // Copy into a fresh, aligned buffer (Buffer's pool offset may not be a multiple of 4).
  const out = new Float32Array(length);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

const ids = z.array(z.number().int().nonnegative());
const anchors = z.object({ habitual: z.number(), foreign: z.number() });
const actorRef = z.object({ key: z.string(), account: z.string(), actorType: z.string(), peerGroup: z.string() });

const savedSchema = z.discriminatedUnion("kind", [
  z.object({
    format: z.literal(FORMAT),
    version: z.literal(VERSION),
    kind: z.literal("embedding"),
    dim: z.number().int().positive(),
    tokens: z.array(z.string()),
    tokenVectors: z.string(),
    kinds: z.array(z.string()),
    actors: z.array(actorRef),
    actorAnchors: z.array(z.array(anchors)),
    actorVectors: z.string(),
    groups: z.array(z.string()),
    groupAnchors: z.array(z.array(anchors)),
    groupVectors: z.string(),
  }),
  z.object({
    format: z.literal(FORMAT),
    version: z.literal(VERSION),
    kind: z.literal("first-seen"),
    tokens: z.array(z.string()),
    actors: z.array(z.object({ key: z.string(), tokens: ids })),
    peerGroups: z.array(z.object({ key: z.string(), tokens: ids })),
  }),
  z.object({
    format: z.literal(FORMAT),
    version: z.literal(VERSION),
    kind: z.literal("frequency"),
    tokens: z.array(z.string()),
    tokenCounts: ids,
    actors: z.array(z.object({ key: z.string(), counts: ids })),
    peerGroups: z.array(z.object({ key: z.string(), counts: ids })),
  }),
]);

/** The model as JSON; throws for a model this module does not know how to save. */
export function saveModel(model: AnomalyModel): string {
  const m = model as Partial<SavableModel>;
  const head = { format: FORMAT, version: VERSION };
  switch (m.kind) {
    case "embedding": {
      const d = (m as EmbeddingModel).data;
      return JSON.stringify({
        ...head,
        kind: m.kind,
        dim: d.dim,
        tokens: d.tokens,
        tokenVectors: toBase64(d.tokenVectors),
        kinds: d.kinds,
        actors: d.actors,
        actorAnchors: d.actorAnchors,
        actorVectors: toBase64(d.actorVectors),
        groups: d.groups,
        groupAnchors: d.groupAnchors,
        groupVectors: toBase64(d.groupVectors),
      });
    }
    case "first-seen":
      return JSON.stringify({ ...head, kind: m.kind, ...(m as FirstSeenModel).data });
    case "frequency":
      return JSON.stringify({ ...head, kind: m.kind, ...(m as FrequencyModel).data });
    default:
      throw new Error(`cannot save model "${model.name}": only embedding, first-seen and frequency models can be saved`);
  }
}

/** A model from `saveModel`'s JSON; errors name the field that is wrong. */
export function loadModel(json: string): SavableModel {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new Error(`model file: not JSON (${(e as Error).message})`);
  }
  const parsed = savedSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`model file: ${issue.path.join(".") || "(root)"}: ${issue.message} (expected a ${FORMAT} version ${VERSION} file)`);
  }
  const saved = parsed.data;
  switch (saved.kind) {
    case "embedding": {
      const { dim } = saved;
      const lengths = [["actorAnchors", saved.actorAnchors.length, saved.actors.length], ["groupAnchors", saved.groupAnchors.length, saved.groups.length]] as const;
      for (const [field, got, want] of lengths) if (got !== want) throw new Error(`model file: ${field} has ${got} entries, expected ${want}`);
      for (const [field, list] of [["actorAnchors", saved.actorAnchors], ["groupAnchors", saved.groupAnchors]] as const) {
        const i = list.findIndex((perKind) => perKind.length !== saved.kinds.length);
        if (i >= 0) throw new Error(`model file: ${field}.${i} has ${list[i]!.length} anchors, expected one per kind (${saved.kinds.length})`);
      }
      return embeddingModel({
        dim,
        tokens: saved.tokens,
        tokenVectors: fromBase64(saved.tokenVectors, saved.tokens.length * dim, "tokenVectors"),
        kinds: saved.kinds,
        actors: saved.actors.map((a) => ({ ...a, actorType: a.actorType as ActorType })),
        actorAnchors: saved.actorAnchors,
        actorVectors: fromBase64(saved.actorVectors, saved.actors.length * dim, "actorVectors"),
        groups: saved.groups,
        groupAnchors: saved.groupAnchors,
        groupVectors: fromBase64(saved.groupVectors, saved.groups.length * dim, "groupVectors"),
      });
    }
    case "first-seen":
      return firstSeenModel({ tokens: saved.tokens, actors: saved.actors, peerGroups: saved.peerGroups });
    case "frequency":
      return frequencyModel({ tokens: saved.tokens, tokenCounts: saved.tokenCounts, actors: saved.actors, peerGroups: saved.peerGroups });
  }
}
