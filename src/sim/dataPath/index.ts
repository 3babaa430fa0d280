// The data path: a request travels DNS → kube-proxy rules → a pod, as packets the trace shows.
export { sendRequest, DEFAULT_CONNECT_TIMEOUT_MS, RESOLVER_TIMEOUT_MS, RESOLVER_ATTEMPTS, CURL_USER_AGENT } from "./sendRequest";
export { formatCurl, curlErrors, CURL_EXIT } from "./curlOutput";
export { parseUrl, isIPv4, type ParsedUrl } from "./url";
export { OUTSIDE_IP } from "./network";
export { podsOf, OUTSIDE_CLIENT, type Hop, type RequestOptions, type RequestResult } from "./types";
