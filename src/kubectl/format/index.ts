export { humanDuration, shortHumanDuration, translateTimestampSince } from "./humanDuration";
export {
  tabwrite,
  tabwriteCells,
  runeWidth,
  GET_TABWRITER,
  DESCRIBE_TABWRITER,
  type TabwriterOptions,
} from "./tabwriter";
export { formatLabels, selectorString, formatLabelSelector } from "./labels";
export { formatRFC1123Z } from "./timeFormat";
export { parseQuantityValue, isBinaryQuantity, formatMilliCpu, formatBytes } from "./quantity";
