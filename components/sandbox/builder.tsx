"use client";
// The builder: the whole template without writing JSON. The profile, both ISNs and the
// latency; the application's calls on a time line (rows to add, remove and reorder); the
// network's faults; stray segments to inject. Fields the builder has no control for (rtoMs,
// sysctls, …) are kept as they are and can be edited in the JSON tab.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { buttonStyles } from "../ui";
import { FlagsField, IsnField, MsOrRangeField, SelectField, TextNumberField } from "./fields";
import {
  FAULT_EFFECTS,
  NEW_ACTION,
  NEW_FAULT,
  NEW_INJECTION,
  SANDBOX_CALLS,
  SANDBOX_ENDPOINTS,
  SANDBOX_PROFILES,
  appendItem,
  getIn,
  listAt,
  moveItem,
  removeItem,
  setIn,
  withCall,
  withEffect,
  type Issue,
  type Json,
  type Path,
  type Template,
} from "./model";

type Props = { template: Template; issues: readonly Issue[]; onChange: (template: Template) => void };

function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id={id} className="text-base font-semibold text-slate-900">
        {title}
      </h3>
      {children}
    </section>
  );
}

function RowButtons({
  what,
  index,
  count,
  onMove,
  onRemove,
}: {
  what: string;
  index: number;
  count: number;
  onMove?: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("sandbox.builder");
  const small = "rounded-lg border border-slate-300 bg-white px-2 py-1 text-xs text-slate-800 hover:bg-slate-100 disabled:opacity-50";
  return (
    <div className="flex flex-wrap gap-2">
      {onMove ? (
        <>
          <button type="button" className={small} onClick={() => onMove(-1)} disabled={index === 0} aria-label={t("moveUp", { what })}>
            {t("up")}
          </button>
          <button
            type="button"
            className={small}
            onClick={() => onMove(1)}
            disabled={index === count - 1}
            aria-label={t("moveDown", { what })}
          >
            {t("down")}
          </button>
        </>
      ) : null}
      <button type="button" className={small} onClick={onRemove} aria-label={t("removeRow", { what })}>
        {t("remove")}
      </button>
    </div>
  );
}

export function Builder({ template, issues, onChange }: Props) {
  const t = useTranslations("sandbox.builder");
  const set = (path: Path) => (value: Json | undefined) => onChange(setIn(template, path, value));
  const actions = listAt(template, ["actions"]);
  const network = listAt(template, ["network"]);
  const inject = listAt(template, ["inject"]);
  const endpointLabel = (e: string) => t("endpointName", { endpoint: e });
  // ICU select keys cannot hold the profiles' dashes: one message each.
  const profileNames: Record<(typeof SANDBOX_PROFILES)[number], string> = {
    rfc9293: t("profileNames.rfc9293"),
    linux: t("profileNames.linux"),
    "two-way-handshake": t("profileNames.twoWayHandshake"),
    "no-time-wait": t("profileNames.noTimeWait"),
  };

  return (
    <div className="flex flex-col gap-4">
      <Section title={t("setup")} id="sb-setup">
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t("profile")}
            path={["profile"]}
            value={getIn(template, ["profile"]) ?? "rfc9293"}
            options={SANDBOX_PROFILES}
            optionLabel={(profile) => profileNames[profile]}
            issues={issues}
            onChange={set(["profile"])}
          />
          <MsOrRangeField
            label={t("latency")}
            path={["timing", "latencyMs"]}
            value={getIn(template, ["timing", "latencyMs"]) ?? 50}
            issues={issues}
            onChange={set(["timing", "latencyMs"])}
          />
          <IsnField
            label={t("clientIsn")}
            path={["endpoints", "client", "isn"]}
            value={getIn(template, ["endpoints", "client", "isn"])}
            issues={issues}
            onChange={set(["endpoints", "client", "isn"])}
            placeholder="1000"
          />
          <IsnField
            label={t("serverIsn")}
            path={["endpoints", "server", "isn"]}
            value={getIn(template, ["endpoints", "server", "isn"])}
            issues={issues}
            onChange={set(["endpoints", "server", "isn"])}
            placeholder="5000"
          />
          <TextNumberField
            label={t("untilMs")}
            path={["untilMs"]}
            value={getIn(template, ["untilMs"])}
            issues={issues}
            onChange={set(["untilMs"])}
            hint={t("untilMsHint")}
            optional
          />
        </div>
      </Section>

      <Section title={t("calls")} id="sb-calls">
        <p className="text-sm text-slate-600">{t("callsHint")}</p>
        {actions.length === 0 ? <p className="text-sm text-slate-700">{t("noCalls")}</p> : null}
        <ol className="flex flex-col gap-3">
          {actions.map((action, i) => {
            const what = t("callN", { n: i + 1 });
            const call = getIn(action, ["call"]);
            return (
              <li key={i} className="rounded-lg border border-slate-200 p-3">
                <fieldset className="flex flex-col gap-3">
                  <legend className="text-sm font-semibold text-slate-900">{what}</legend>
                  <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(16rem,2fr)_1fr_1fr_1fr]">
                    <MsOrRangeField
                      label={t("at")}
                      path={["actions", i, "at"]}
                      value={getIn(action, ["at"])}
                      issues={issues}
                      onChange={set(["actions", i, "at"])}
                    />
                    <SelectField
                      label={t("endpoint")}
                      path={["actions", i, "endpoint"]}
                      value={getIn(action, ["endpoint"])}
                      options={SANDBOX_ENDPOINTS}
                      optionLabel={endpointLabel}
                      issues={issues}
                      onChange={set(["actions", i, "endpoint"])}
                    />
                    <SelectField
                      label={t("call")}
                      path={["actions", i, "call"]}
                      value={call}
                      options={SANDBOX_CALLS}
                      optionLabel={(c) => `${c}()`}
                      issues={issues}
                      onChange={(c) => onChange(setIn(template, ["actions", i], withCall(action, c)))}
                    />
                    {call === "send" ? (
                      <TextNumberField
                        label={t("bytes")}
                        path={["actions", i, "bytes"]}
                        value={getIn(action, ["bytes"])}
                        issues={issues}
                        onChange={set(["actions", i, "bytes"])}
                      />
                    ) : null}
                  </div>
                  <RowButtons
                    what={what}
                    index={i}
                    count={actions.length}
                    onMove={(by) => onChange(moveItem(template, ["actions"], i, by))}
                    onRemove={() => onChange(removeItem(template, ["actions"], i))}
                  />
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div>
          <button type="button" className={buttonStyles.secondary} onClick={() => onChange(appendItem(template, ["actions"], NEW_ACTION))}>
            {t("addCall")}
          </button>
        </div>
      </Section>

      <Section title={t("faults")} id="sb-faults">
        <p className="text-sm text-slate-600">{t("faultsHint")}</p>
        {network.length === 0 ? <p className="text-sm text-slate-700">{t("noFaults")}</p> : null}
        <ol className="flex flex-col gap-3">
          {network.map((fault, i) => {
            const what = t("faultN", { n: i + 1 });
            const effect = getIn(fault, ["effect"]);
            return (
              <li key={i} className="rounded-lg border border-slate-200 p-3">
                <fieldset className="flex flex-col gap-3">
                  <legend className="text-sm font-semibold text-slate-900">{what}</legend>
                  <div className="grid gap-3 sm:grid-cols-2">
                    <SelectField
                      label={t("sender")}
                      path={["network", i, "match", "from"]}
                      value={getIn(fault, ["match", "from"])}
                      options={SANDBOX_ENDPOINTS}
                      optionLabel={endpointLabel}
                      issues={issues}
                      onChange={set(["network", i, "match", "from"])}
                    />
                    <FlagsField
                      label={t("flags")}
                      path={["network", i, "match", "flags"]}
                      value={getIn(fault, ["match", "flags"])}
                      issues={issues}
                      onChange={set(["network", i, "match", "flags"])}
                    />
                    <TextNumberField
                      label={t("occurrence")}
                      hint={t("occurrenceHint")}
                      path={["network", i, "match", "occurrence"]}
                      value={getIn(fault, ["match", "occurrence"])}
                      issues={issues}
                      onChange={set(["network", i, "match", "occurrence"])}
                      optional
                    />
                    <SelectField
                      label={t("effect")}
                      path={["network", i, "effect"]}
                      value={effect}
                      options={FAULT_EFFECTS}
                      optionLabel={(e) => t("effectName", { effect: e })}
                      issues={issues}
                      onChange={(e) => onChange(setIn(template, ["network", i], withEffect(fault, e)))}
                    />
                    {effect === "delay" ? (
                      <MsOrRangeField
                        label={t("byMs")}
                        path={["network", i, "byMs"]}
                        value={getIn(fault, ["byMs"])}
                        issues={issues}
                        onChange={set(["network", i, "byMs"])}
                      />
                    ) : null}
                    {effect === "duplicate" ? (
                      <MsOrRangeField
                        label={t("afterMs")}
                        path={["network", i, "afterMs"]}
                        value={getIn(fault, ["afterMs"])}
                        issues={issues}
                        onChange={set(["network", i, "afterMs"])}
                      />
                    ) : null}
                  </div>
                  <RowButtons
                    what={what}
                    index={i}
                    count={network.length}
                    onRemove={() => onChange(removeItem(template, ["network"], i))}
                  />
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div>
          <button type="button" className={buttonStyles.secondary} onClick={() => onChange(appendItem(template, ["network"], NEW_FAULT))}>
            {t("addFault")}
          </button>
        </div>
      </Section>

      <Section title={t("injected")} id="sb-injected">
        <p className="text-sm text-slate-600">{t("injectedHint")}</p>
        {inject.length === 0 ? <p className="text-sm text-slate-700">{t("noInjected")}</p> : null}
        <ol className="flex flex-col gap-3">
          {inject.map((injection, i) => {
            const what = t("injectedN", { n: i + 1 });
            return (
              <li key={i} className="rounded-lg border border-slate-200 p-3">
                <fieldset className="flex flex-col gap-3">
                  <legend className="text-sm font-semibold text-slate-900">{what}</legend>
                  <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(16rem,2fr)_1fr_1fr]">
                    <MsOrRangeField
                      label={t("at")}
                      path={["inject", i, "at"]}
                      value={getIn(injection, ["at"])}
                      issues={issues}
                      onChange={set(["inject", i, "at"])}
                    />
                    <SelectField
                      label={t("to")}
                      path={["inject", i, "to"]}
                      value={getIn(injection, ["to"])}
                      options={SANDBOX_ENDPOINTS}
                      optionLabel={endpointLabel}
                      issues={issues}
                      onChange={set(["inject", i, "to"])}
                    />
                    <FlagsField
                      label={t("flags")}
                      path={["inject", i, "segment", "flags"]}
                      value={getIn(injection, ["segment", "flags"])}
                      issues={issues}
                      onChange={set(["inject", i, "segment", "flags"])}
                    />
                    <TextNumberField
                      label="seq"
                      path={["inject", i, "segment", "seq"]}
                      value={getIn(injection, ["segment", "seq"])}
                      issues={issues}
                      onChange={set(["inject", i, "segment", "seq"])}
                    />
                    <TextNumberField
                      label="ack"
                      path={["inject", i, "segment", "ack"]}
                      value={getIn(injection, ["segment", "ack"])}
                      issues={issues}
                      onChange={set(["inject", i, "segment", "ack"])}
                      optional
                    />
                    <TextNumberField
                      label="len"
                      path={["inject", i, "segment", "len"]}
                      value={getIn(injection, ["segment", "len"])}
                      issues={issues}
                      onChange={set(["inject", i, "segment", "len"])}
                      optional
                    />
                  </div>
                  <RowButtons what={what} index={i} count={inject.length} onRemove={() => onChange(removeItem(template, ["inject"], i))} />
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div>
          <button
            type="button"
            className={buttonStyles.secondary}
            onClick={() => onChange(appendItem(template, ["inject"], NEW_INJECTION))}
          >
            {t("addInjected")}
          </button>
        </div>
      </Section>
    </div>
  );
}
