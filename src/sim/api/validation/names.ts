// Name and label format checks from k8s.io/apimachinery/pkg/util/validation/validation.go and
// api/validate/content/kube.go, with their exact messages.

export const DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
export const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
export const DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
const LABEL_KEY_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;

const dns1035LabelRe = new RegExp(`^${DNS1035_LABEL_FMT}$`);

// The checks run on every name and label of every write, so the formats above are matched by
// hand: each is "segments of allowed characters that start and end with an alphanumeric".
const isLowerAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isAlnum = (c: number) => isLowerAlnum(c) || (c >= 65 && c <= 90);

/** DNS1123_LABEL_FMT, or with `dots` DNS1123_SUBDOMAIN_FMT (such labels joined by '.'). */
function matchesDNS1123(value: string, dots: boolean): boolean {
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = i < value.length ? value.charCodeAt(i) : 46;
    if (c === 46) {
      // A dot or the end closes a label: non-empty, alphanumeric at both ends.
      if (i === start || !isLowerAlnum(value.charCodeAt(start)) || !isLowerAlnum(value.charCodeAt(i - 1))) return false;
      if (i < value.length && !dots) return false;
      start = i + 1;
    } else if (c !== 45 && !isLowerAlnum(c)) return false;
  }
  return true;
}

/** LABEL_KEY_FMT: alphanumerics, '-', '_' and '.', alphanumeric at both ends. */
function matchesLabelKey(value: string): boolean {
  if (value.length === 0 || !isAlnum(value.charCodeAt(0)) || !isAlnum(value.charCodeAt(value.length - 1))) return false;
  for (let i = 1; i < value.length - 1; i++) {
    const c = value.charCodeAt(i);
    if (c !== 45 && c !== 95 && c !== 46 && !isAlnum(c)) return false;
  }
  return true;
}

/** validation.RegexError, including Go's doubled space between examples. */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((ex, i) => {
    if (i > 0) out += " or ";
    out += `'${ex}', `;
  });
  return `${out}regex used for validation is '${fmt}')`;
}

export const maxLenError = (n: number) => `must be no more than ${n} characters`;
export const inclusiveRangeError = (lo: number, hi: number) => `must be between ${lo} and ${hi}, inclusive`;
export const IS_NEGATIVE_ERROR = "must be greater than or equal to 0";
export const FIELD_IMMUTABLE = "field is immutable";

const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!matchesDNS1123(value, false)) {
    if (matchesDNS1123(value, true)) errs.push("must not contain dots");
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, "my-name", "123-abc"));
  }
  return errs;
}

export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!matchesDNS1123(value, true)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
  return errs;
}

export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!dns1035LabelRe.test(value)) errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, "my-name", "abc-123"));
  return errs;
}

/** A name function as apimachinery's NameIsDNSSubdomain: prefix=true (generateName) allows a trailing dash. */
export type NameValidator = (name: string, prefix: boolean) => string[];
const maskTrailingDash = (name: string) => (name.length > 1 && name.endsWith("-") ? `${name.slice(0, -2)}a` : name);
export const nameIsDNSSubdomain: NameValidator = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
export const nameIsDNSLabel: NameValidator = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
export const nameIsDNS1035Label: NameValidator = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);

/**
 * The common valid label: a key without prefix and a value that isQualifiedName and
 * isValidLabelValue accept, tested without building their (empty) message lists.
 */
export function isPlainLabel(key: string, value: unknown): boolean {
  return key.length <= 63 && matchesLabelKey(key) && typeof value === "string" && value.length <= 63 && (value.length === 0 || matchesLabelKey(value));
}

/** content.IsLabelKey (a "qualified name"). */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const slash = value.indexOf("/");
  let name = value;
  if (slash >= 0 && value.indexOf("/", slash + 1) < 0) {
    const prefix = value.slice(0, slash);
    name = value.slice(slash + 1);
    if (prefix.length === 0) errs.push("prefix part must be non-empty");
    else for (const msg of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${msg}`);
  } else if (slash >= 0) {
    return [
      `a valid label key ${regexError(
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_KEY_FMT,
        "MyName",
        "my.name",
        "123-abc",
      )} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push("name part must be non-empty");
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!matchesLabelKey(name)) {
    errs.push(
      `name part ${regexError(
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_KEY_FMT,
        "MyName",
        "my.name",
        "123-abc",
      )}`,
    );
  }
  return errs;
}

/** content.IsLabelValue. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (value.length > 0 && !matchesLabelKey(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LABEL_VALUE_FMT,
        "MyValue",
        "my_value",
        "12345",
      ),
    );
  }
  return errs;
}

export function isValidPortNum(port: number): string[] {
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** validation.IsValidPortName (IANA_SVC_NAME). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(port)) errs.push("must contain at least one letter (a-z)");
  if (port.includes("--")) errs.push("must not contain consecutive hyphens");
  if (port.length > 0 && (port.startsWith("-") || port.endsWith("-"))) errs.push("must not begin or end with a hyphen");
  return errs;
}

export function isValidPercent(value: string): string[] {
  return /^[0-9]+%$/.test(value)
    ? []
    : [regexError("a valid percent string must be a numeric string followed by an ending '%'", "[0-9]+%", "1%", "93%")];
}
