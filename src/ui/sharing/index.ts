// Shareable links: the scenario in the URL, and replaying one when a link is opened.
export { ShareButton } from "./ShareButton";
export { startSharing, currentShareUrl } from "./startSharing";
export { encodeScenario, decodeScenario, shareUrl, scenarioFromHash, type Scenario } from "./scenarioCodec";
