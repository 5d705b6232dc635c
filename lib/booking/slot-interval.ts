import type { SlotServiceRules } from "./slot-types";

/**
 * Minutes between the start times offered for a service: its own setting, or,
 * when the practice left it empty, the session's length, so a 50-minute
 * session offers 9:00, 9:50, 10:40 rather than a button every quarter hour
 * (decision 0041). The one place the default is decided.
 */
export function slotIntervalMinutes(service: { durationMinutes: number; slotStepMinutes: number | null }): number {
  return service.slotStepMinutes ?? service.durationMinutes;
}

/** The slot engine's rules for a stored service row. */
export function slotRulesOf(service: {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  slotStepMinutes: number | null;
}): SlotServiceRules {
  return {
    durationMinutes: service.durationMinutes,
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    minNoticeMinutes: service.minNoticeMinutes,
    horizonDays: service.horizonDays,
    slotStepMinutes: slotIntervalMinutes(service),
  };
}
