// The /api/v1 operations of this area (lib/api/operation.ts). Route files under app/api/v1
// build their handlers from these with apiRoute; the OpenAPI document lists them.
import { z } from "zod";
import { STATES } from "../../tcp/trace";
import { ScenarioSchema } from "../../tcp";
import { defineOperation, type Operation } from "../operation";

const StateList = z.array(z.enum(STATES));

export const SandboxSimulateBodySchema = z
  .object({
    // Validated by the handler (lib/authoring/sandbox.ts), which knows the varied parts'
    // syntax and answers each problem at its path below `scenario`.
    scenario: z.record(z.string(), z.unknown()).meta({
      description:
        'A scenario template (docs/scenario-format.md): a scenario in which timing.latencyMs, actions[].at, network[].byMs, network[].afterMs and inject[].at may be { "between": [lo, hi] } and endpoints.client.isn / endpoints.server.isn may be "random".',
    }),
    seed: z.number().int().min(0).max(0xffff_ffff).optional().meta({ description: "Picks the varied parts; 0 when left out." }),
  })
  .strict();

export const SandboxRunSchema = z.object({
  scenario: ScenarioSchema.meta({ description: "The scenario the seed resolved the template to, every default filled in." }),
  trace: z
    .object({
      events: z
        .array(z.record(z.string(), z.unknown()))
        .readonly()
        .meta({ description: "The engine's trace events, in order (docs/engine.md)." }),
      final: z.object({ client: z.enum(STATES), server: z.enum(STATES) }),
      endMs: z.number(),
    })
    .meta({ description: "The run: every call, segment, timer and state change with its RFC rule." }),
  states: z
    .object({ client: StateList, server: StateList })
    .meta({ description: "Each endpoint's states from CLOSED on, transient ones left out." }),
});

export const sandboxSimulateOp = defineOperation({
  id: "simulateSandbox",
  method: "POST",
  path: "/sandbox/simulate",
  summary: "Run a scenario template through the engine",
  description:
    "Resolves the template with the seed, fills every default, runs it and answers the scenario, its trace and both state sequences. A template that does not validate is a 422 with every issue at its path (for example scenario.actions.2.call).",
  tag: "Sandbox",
  access: "signed-in",
  params: z.object({}),
  body: SandboxSimulateBodySchema,
  response: SandboxRunSchema,
});

export const sandboxOperations: readonly Operation[] = [sandboxSimulateOp];
