"use client";
// The ladder diagram every TCP textbook draws: client and server lifelines, time going down,
// each segment an arrow. Long quiet stretches are shortened with a marked break so a
// 4-minute TIME_WAIT and a 50 ms handshake fit one picture. A table lists the same events
// for screen readers, and a step-through control replays them one by one. Every word comes
// from the catalogs (namespaces `timeline` and `tcp`), in the reader's language.
import { useTranslations } from "next-intl";
import { useId, useMemo, useState } from "react";
import { msg, type MessageKey } from "@/lib/i18n/msg";
import { describeEvent, describeSegment, endpointName } from "@/lib/tcp/describe";
import type { TimerName, Trace, TraceEvent } from "@/lib/tcp/trace";
import { LABEL_CHAR_WIDTH, ladderLayout, placeLabels, type Arrow } from "./ladder-geometry";
import { buttonStyles } from "./ui";
import { useText } from "./use-text";

const TOP = 48;

const label = describeSegment;

const TIMER_NAME: Record<TimerName, MessageKey> = {
  retransmit: "tcp.timerName.retransmit",
  "time-wait": "tcp.timerName.time-wait",
  "fin-wait-2": "tcp.timerName.fin-wait-2",
  "user-timeout": "tcp.timerName.user-timeout",
  "syn-queue": "tcp.timerName.syn-queue",
  "delayed-ack": "tcp.timerName.delayed-ack",
};

/**
 * A stopwatch drawn in SVG: the ⏱ character is missing from the fonts Chromium finds on
 * Debian and showed as an empty box. The timer's name is written next to it.
 */
function TimerIcon({ cx, cy }: { cx: number; cy: number }) {
  return (
    <g aria-hidden="true" fill="none" className="stroke-(--ladder-muted)" strokeWidth={1.1} strokeLinecap="round">
      <circle cx={cx} cy={cy + 0.6} r={3.9} />
      <path d={`M${cx},${cy + 0.6} V${cy - 1.8} M${cx - 1.2},${cy - 4.6} h2.4 M${cx + 2.9},${cy - 2.4} l0.9,-0.9`} />
    </g>
  );
}

/** y for each distinct time, with long gaps shortened and marked. */
function timeScale(events: readonly TraceEvent[]) {
  const times = [...new Set(events.map((e) => e.t))].sort((a, b) => a - b);
  const gaps = times
    .slice(1)
    .map((t, i) => t - times[i])
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  const typical = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 100;
  const cap = Math.max(typical * 3, 50);
  const y = new Map<number, number>();
  const breaks: { y: number; ms: number }[] = [];
  let at = TOP;
  times.forEach((t, i) => {
    if (i > 0) {
      const gap = t - times[i - 1];
      if (gap > cap) {
        breaks.push({ y: at + 22, ms: gap });
        at += 56;
      } else at += 18 + (gap / cap) * 52;
    }
    y.set(t, at);
  });
  return { y: (t: number) => y.get(t) ?? TOP, height: at + 40, breaks };
}

/** "250 ms", or "12.5 s" from ten seconds on. */
function useDuration(): (ms: number) => string {
  const t = useTranslations("timeline");
  return (ms) => (ms >= 10_000 ? t("seconds", { s: (ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1) }) : t("ms", { ms: String(ms) }));
}

export function Timeline({
  trace,
  showStates,
  highlight,
  title,
}: {
  trace: Trace;
  showStates: boolean;
  /** A trace index to point at (the event behind the first mistake). */
  highlight?: number;
  title?: string;
}) {
  const id = useId();
  const t = useTranslations("timeline");
  const text = useText();
  const duration = useDuration();
  const heading = title ?? t("title");
  const events = useMemo(() => trace.events.filter((e) => showStates || (e.type !== "state" && e.type !== "signal")), [trace, showStates]);
  const indexOf = useMemo(() => new Map(events.map((e, i) => [e, i])), [events]);
  const [step, setStep] = useState<number>(events.length - 1);
  const [asTable, setAsTable] = useState(false);
  const [actualSize, setActualSize] = useState(false);
  const scale = useMemo(() => timeScale(events), [events]);
  const highlightEvent = highlight !== undefined ? trace.events[highlight] : undefined;
  const highlightStep = highlightEvent ? (indexOf.get(highlightEvent) ?? -1) : -1;

  // Each send is drawn to where (and when) it arrives: by segment id, in order.
  const arrivals = useMemo(() => {
    const byId = new Map<number, number[]>();
    events.forEach((e, i) => {
      if (e.type === "receive") byId.set(e.segment.id, [...(byId.get(e.segment.id) ?? []), i]);
    });
    return byId;
  }, [events]);
  const lost = useMemo(() => new Set(events.flatMap((e) => (e.type === "drop" && e.reason === "network" ? [e.segment.id] : []))), [events]);
  // Every segment's label, once: their longest sets how far apart the lifelines stand.
  const labels = useMemo(
    () =>
      new Map<TraceEvent, string>(
        events.flatMap((e) => {
          if (e.type !== "send") return [];
          const isLost = lost.has(e.segment.id) && !arrivals.has(e.segment.id);
          return [
            [
              e as TraceEvent,
              t("segment", { segment: label(e.segment), rtx: e.segment.retransmission ? "yes" : "no", lost: isLost ? "yes" : "no" }),
            ] as const,
          ];
        }),
      ),
    [events, lost, arrivals, t],
  );
  const {
    width: W,
    client: CLIENT_X,
    server: SERVER_X,
  } = useMemo(() => ladderLayout(Math.max(0, ...[...labels.values()].map((l) => l.length))), [labels]);
  const x = (who: string) => (who === "client" ? CLIENT_X : SERVER_X);
  // Each send's arrow as drawn — to where and when it arrives, or halfway to a cross when
  // lost — and its label's place, chosen once for the whole picture.
  const sends = useMemo(() => {
    const out = new Map<TraceEvent, { x1: number; x2: number; endX: number; endY: number; arrive: number[]; isLost: boolean }>();
    for (const e of events) {
      if (e.type !== "send") continue;
      const x1 = e.endpoint === "client" ? CLIENT_X : SERVER_X;
      const x2 = e.segment.to === "client" ? CLIENT_X : SERVER_X;
      const y = scale.y(e.t);
      const arrive = arrivals.get(e.segment.id) ?? [];
      const isLost = lost.has(e.segment.id) && arrive.length === 0;
      const y2 = isLost ? y + 24 : arrive.length ? scale.y(events[arrive[0]].t) : y + 24;
      out.set(e, { x1, x2, endX: isLost ? (x1 + x2) / 2 : x2, endY: isLost ? (y + y2) / 2 : y2, arrive, isLost });
    }
    return out;
  }, [events, arrivals, lost, scale, CLIENT_X, SERVER_X]);
  const placements = useMemo(() => {
    const drawn = [...sends.entries()];
    const arrows: Arrow[] = drawn.map(([e, a]) => ({
      x1: a.x1,
      y1: scale.y(e.t),
      x2: a.endX,
      y2: a.endY,
      width: (labels.get(e)?.length ?? 0) * LABEL_CHAR_WIDTH,
    }));
    const places = placeLabels(arrows);
    return new Map(drawn.map(([e], i) => [e, places[i]]));
  }, [sends, labels, scale]);

  const timeWaits = useMemo(() => {
    if (!showStates) return [];
    const out: { who: string; from: number; to: number }[] = [];
    const open: Record<string, number> = {};
    for (const e of events) {
      if (e.type !== "state") continue;
      if (e.to === "TIME_WAIT") open[e.endpoint] = e.t;
      else if (e.from === "TIME_WAIT" && open[e.endpoint] !== undefined) {
        out.push({ who: e.endpoint, from: open[e.endpoint], to: e.t });
        delete open[e.endpoint];
      }
    }
    return out;
  }, [events, showStates]);

  // Retransmission timers: from each send to its retransmission, on the sender's lifeline.
  const rtoBrackets = useMemo(() => {
    const out: { who: string; from: number; to: number }[] = [];
    events.forEach((e, i) => {
      if (e.type !== "send" || !e.segment.retransmission) return;
      for (let k = i - 1; k >= 0; k--) {
        const p = events[k];
        if (p.type === "send" && p.endpoint === e.endpoint && p.segment.seq === e.segment.seq && p.segment.flags === e.segment.flags) {
          out.push({ who: e.endpoint, from: p.t, to: e.t });
          break;
        }
      }
    });
    return out;
  }, [events]);

  const current = events[step];
  const faded = (i: number) => (i > step ? 0.15 : 1);

  return (
    <figure className="flex flex-col gap-2" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-medium text-slate-900">{heading}</span>
        <button
          type="button"
          className={`${buttonStyles.secondary} no-print`}
          onClick={() => setAsTable((on) => !on)}
          aria-pressed={asTable}
        >
          {asTable ? t("showPicture") : t("showTable")}
        </button>
      </figcaption>
      <div className="no-print flex flex-wrap items-center gap-2" role="group" aria-label={t("stepThrough")}>
        <button type="button" className={buttonStyles.secondary} onClick={() => setStep(0)} disabled={step <= 0}>
          {t("first")}
        </button>
        <button type="button" className={buttonStyles.secondary} onClick={() => setStep((s) => Math.max(0, s - 1))} disabled={step <= 0}>
          {t("back")}
        </button>
        <button
          type="button"
          className={buttonStyles.secondary}
          onClick={() => setStep((s) => Math.min(events.length - 1, s + 1))}
          disabled={step >= events.length - 1}
        >
          {t("next")}
        </button>
        <button
          type="button"
          className={buttonStyles.secondary}
          onClick={() => setStep(events.length - 1)}
          disabled={step >= events.length - 1}
        >
          {t("all")}
        </button>
        {highlightStep >= 0 ? (
          <button type="button" className={buttonStyles.primary} onClick={() => setStep(highlightStep)}>
            {t("goToMistake")}
          </button>
        ) : null}
      </div>
      <p className="text-sm text-slate-700" aria-live="polite" data-testid="timeline-step">
        {current
          ? t("stepEvent", {
              step: step + 1,
              total: events.length,
              t: current.t,
              event: text(describeEvent(current)),
              mistake: step === highlightStep ? "yes" : "no",
            })
          : t("step", { step: step + 1, total: events.length })}
      </p>
      {asTable ? (
        // A scrolling box is a tab stop, so a keyboard can scroll it (axe: scrollable-region-focusable).
        <div className="relative max-h-[32rem] overflow-auto" role="region" aria-label={heading} tabIndex={0}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("tableCaption", { title: heading })}</caption>
            <thead className="sticky top-0 bg-white text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("columnStep")}
                </th>
                <th scope="col" className="py-1 pr-3 font-medium">
                  {t("columnTime")}
                </th>
                <th scope="col" className="py-1 font-medium">
                  {t("columnWhat")}
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((e, i) => (
                <tr
                  key={i}
                  className={i === highlightStep ? "bg-amber-50" : i === step ? "bg-accent-50" : ""}
                  aria-current={i === step ? "step" : undefined}
                >
                  <td className="py-1 pr-3 text-slate-500">{i + 1}</td>
                  <td className="py-1 pr-3 font-mono">{t("ms", { ms: String(e.t) })}</td>
                  <td className="py-1">{text(describeEvent(e))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <>
          {/* Narrower than the drawing (a phone), it is scaled to fit, so both endpoints show;
              "Actual size" draws it full size, to be panned sideways. */}
          <div className="no-print flex flex-wrap items-center gap-2 sm:hidden">
            <button type="button" className={buttonStyles.secondary} onClick={() => setActualSize((on) => !on)} aria-pressed={actualSize}>
              {t("actualSize")}
            </button>
            {actualSize ? <span className="text-sm text-slate-600">{t("panHint")}</span> : null}
          </div>
          <div
            className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white"
            role="region"
            aria-label={heading}
            tabIndex={0}
          >
            <svg
              viewBox={`0 0 ${W} ${scale.height}`}
              width={actualSize ? W : "100%"}
              role="img"
              aria-labelledby={`${id}-svg-title`}
              className={`font-sans ${actualSize ? "max-w-none" : "h-auto"}`}
              style={actualSize ? undefined : { maxWidth: W }}
              data-testid="ladder"
            >
              <title id={`${id}-svg-title`}>{t("picture", { title: heading, count: events.length, button: t("showTable") })}</title>
              <defs>
                <marker
                  id={`${id}-arrow`}
                  viewBox="0 0 10 10"
                  refX="9"
                  refY="5"
                  markerWidth="7"
                  markerHeight="7"
                  orient="auto-start-reverse"
                >
                  <path d="M0,0 L10,5 L0,10 z" className="fill-(--ladder-segment)" />
                </marker>
              </defs>
              <text x={CLIENT_X} y={24} textAnchor="middle" className="fill-slate-900 text-[14px] font-semibold">
                {text(endpointName("client"))}
              </text>
              <text x={SERVER_X} y={24} textAnchor="middle" className="fill-slate-900 text-[14px] font-semibold">
                {text(endpointName("server"))}
              </text>
              <line x1={CLIENT_X} x2={CLIENT_X} y1={TOP - 12} y2={scale.height - 16} className="stroke-(--ladder-axis)" strokeWidth={2} />
              <line x1={SERVER_X} x2={SERVER_X} y1={TOP - 12} y2={scale.height - 16} className="stroke-(--ladder-axis)" strokeWidth={2} />
              {scale.breaks.map((b) => (
                <g key={b.y}>
                  <rect x={20} y={b.y - 9} width={W - 40} height={18} className="fill-(--ladder-gap)" />
                  <text x={W / 2} y={b.y + 4} textAnchor="middle" className="fill-slate-500 text-[11px]">
                    {t("later", { duration: duration(b.ms) })}
                  </text>
                </g>
              ))}
              {timeWaits.map((tw) => {
                const bx = tw.who === "client" ? CLIENT_X - 10 : SERVER_X + 10;
                const y1 = scale.y(tw.from);
                const y2 = scale.y(tw.to);
                return (
                  <g key={`${tw.who}-${tw.from}`}>
                    <path
                      d={`M${bx},${y1} h${tw.who === "client" ? -6 : 6} V${y2} h${tw.who === "client" ? 6 : -6}`}
                      fill="none"
                      className="stroke-(--ladder-timer)"
                      strokeWidth={2}
                    />
                    <text
                      x={bx + (tw.who === "client" ? -10 : 10)}
                      y={(y1 + y2) / 2}
                      textAnchor={tw.who === "client" ? "end" : "start"}
                      className="fill-amber-800 text-[10px]"
                    >
                      TIME_WAIT {duration(tw.to - tw.from)}
                    </text>
                  </g>
                );
              })}
              {rtoBrackets.map((b) => {
                const side = b.who === "client" ? -1 : 1;
                const bx = x(b.who) + side * 24;
                const y1 = scale.y(b.from);
                const y2 = scale.y(b.to);
                return (
                  <g key={`rto-${b.who}-${b.from}-${b.to}`}>
                    <path
                      d={`M${bx - side * 4},${y1} h${side * 4} V${y2} h${-side * 4}`}
                      fill="none"
                      className="stroke-(--ladder-muted)"
                      strokeWidth={1.2}
                      strokeDasharray="3 2"
                    />
                    <text
                      x={bx + side * 4}
                      y={(y1 + y2) / 2 + 3}
                      textAnchor={side < 0 ? "end" : "start"}
                      className="fill-slate-500 text-[9.5px]"
                    >
                      RTO {duration(b.to - b.from)}
                    </text>
                  </g>
                );
              })}
              {events.map((e, i) => {
                const opacity = faded(i);
                // Classes, not colours: the ladder's colours are CSS variables, so they follow dark mode.
                const mark = i === highlightStep ? "highlight" : i === step ? "step" : null;
                const y = scale.y(e.t);
                if (e.type === "send") {
                  const { x1, x2, endX, endY, arrive, isLost } = sends.get(e)!;
                  const place = placements.get(e)!;
                  return (
                    <g key={i} opacity={opacity}>
                      <line
                        x1={x1}
                        y1={y}
                        x2={endX}
                        y2={endY}
                        className={
                          mark === "highlight"
                            ? "stroke-(--ladder-highlight)"
                            : mark === "step"
                              ? "stroke-(--ladder-step)"
                              : "stroke-(--ladder-segment)"
                        }
                        strokeWidth={mark ? 2.5 : 1.5}
                        strokeDasharray={e.segment.retransmission ? "6 3" : undefined}
                        markerEnd={isLost ? undefined : `url(#${id}-arrow)`}
                      />
                      {arrive.slice(1).map((k) => (
                        <line
                          key={k}
                          x1={x1}
                          y1={y}
                          x2={x2}
                          y2={scale.y(events[k].t)}
                          className="stroke-(--ladder-muted)"
                          strokeWidth={1.2}
                          strokeDasharray="2 3"
                          markerEnd={`url(#${id}-arrow)`}
                        />
                      ))}
                      {isLost ? (
                        <text x={endX} y={endY + 5} textAnchor="middle" className="fill-rose-700 text-[16px] font-bold">
                          ✕
                        </text>
                      ) : null}
                      <text
                        transform={`translate(${place.x} ${place.y}) rotate(${place.angle})`}
                        y={place.dy}
                        textAnchor={place.anchor}
                        className="fill-slate-800 font-mono text-[10.5px]"
                      >
                        {labels.get(e)}
                      </text>
                    </g>
                  );
                }
                if (e.type === "receive" && e.segment.injected) {
                  return (
                    <g key={i} opacity={opacity}>
                      <line
                        x1={(CLIENT_X + SERVER_X) / 2}
                        y1={y - 16}
                        x2={x(e.endpoint)}
                        y2={y}
                        className="stroke-(--ladder-injected)"
                        strokeWidth={1.5}
                        strokeDasharray="4 3"
                        markerEnd={`url(#${id}-arrow)`}
                      />
                      <text
                        x={(CLIENT_X + SERVER_X) / 2}
                        y={y - 20}
                        textAnchor="middle"
                        className="fill-violet-700 font-mono text-[10.5px]"
                      >
                        {t("old", { segment: label(e.segment) })}
                      </text>
                    </g>
                  );
                }
                if (e.type === "delay") {
                  return (
                    <text
                      key={i}
                      opacity={opacity}
                      x={(CLIENT_X + SERVER_X) / 2}
                      y={y + 12}
                      textAnchor="middle"
                      className="fill-amber-800 text-[10px]"
                    >
                      {t("delayed", { duration: duration(e.byMs) })}
                    </text>
                  );
                }
                if (e.type === "timer") {
                  const side = e.endpoint === "client" ? -1 : 1;
                  return (
                    <g key={i} opacity={opacity}>
                      <TimerIcon cx={x(e.endpoint) + side * 12.5} cy={y - 12.5} />
                      <text
                        x={x(e.endpoint) + side * 20}
                        y={y - 9}
                        textAnchor={side < 0 ? "end" : "start"}
                        className="fill-slate-500 text-[10px]"
                      >
                        {text(msg(TIMER_NAME[e.timer]))}
                      </text>
                    </g>
                  );
                }
                if (e.type === "state" && showStates) {
                  const side = e.endpoint === "client" ? -1 : 1;
                  return (
                    <g key={i} opacity={opacity}>
                      <circle
                        cx={x(e.endpoint)}
                        cy={y}
                        r={3.5}
                        className={mark === "highlight" ? "fill-(--ladder-highlight)" : "fill-(--ladder-step)"}
                      />
                      <text
                        x={x(e.endpoint) + side * 10}
                        y={y + 4}
                        textAnchor={side < 0 ? "end" : "start"}
                        className={`font-mono text-[11px] ${e.transient ? "fill-slate-400" : "fill-accent-800"}`}
                      >
                        {e.to}
                      </text>
                    </g>
                  );
                }
                if (e.type === "call") {
                  const side = e.endpoint === "client" ? -1 : 1;
                  return (
                    <text
                      key={i}
                      opacity={opacity}
                      x={x(e.endpoint) + side * 10}
                      y={y - 6}
                      textAnchor={side < 0 ? "end" : "start"}
                      className="fill-slate-600 text-[10px] italic"
                    >
                      {e.call}(){e.error ? " ✗" : ""}
                    </text>
                  );
                }
                return null;
              })}
              {[...new Set(events.map((e) => e.t))].map((t) => (
                <text key={t} x={8} y={scale.y(t) + 4} className="fill-slate-400 font-mono text-[9px]">
                  {t}
                </text>
              ))}
            </svg>
          </div>
        </>
      )}
    </figure>
  );
}
