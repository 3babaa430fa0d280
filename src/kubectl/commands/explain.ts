import { explain, explainTypeName } from "../../sim/api";
import type { Command } from "../context";
import { plainError, usageError } from "../errors";
import { lookupResource } from "../resources";

/** Wraps a description at 80 columns with the given indent, as kubectl's plaintext template does. */
function wrap(text: string, indent: number): string {
  const width = 80 - indent;
  const pad = " ".repeat(indent);
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(pad + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(pad + line);
  }
  return out.join("\n") + "\n";
}

export const explainCommand: Command = {
  name: "explain",
  flags: [{ name: "recursive", type: "bool" }, { name: "api-version", type: "string" }, { name: "output", type: "string" }],
  run: async (ctx) => {
    if (ctx.args.length === 0) throw usageError(ctx.commandPath, `You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.`);
    const [typed, ...path] = ctx.args[0].split(".");
    const type = lookupResource(typed);
    if (!type) throw plainError(`the server doesn't have a resource type "${typed}"`);
    const apiVersion = type.group ? `${type.group}/${type.version}` : type.version;
    const result = explain(apiVersion, type.kind, path);
    if (!result) throw plainError(path.length ? `field "${path.at(-1)}" does not exist` : `couldn't find resource for "${apiVersion}, Kind=${type.kind}"`);
    let out = type.group ? `GROUP:      ${type.group}\n` : "";
    out += `KIND:       ${type.kind}\nVERSION:    ${type.version}\n\n`;
    // plaintext.tmpl: the FIELD line, an (empty) enum line and a blank line
    if (path.length) out += `FIELD: ${result.name} <${explainTypeName(result.type)}>\n\n\n`;
    out += `DESCRIPTION:\n${wrap(result.description, 4)}    \n`;
    if (result.fields.length) {
      out += "FIELDS:\n";
      // a Go template ranges over a map's keys in sorted order
      out += [...result.fields]
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map(({ name, field }) => `  ${name}\t<${explainTypeName(field.type)}>${field.required ? " -required-" : ""}\n${wrap(field.description, 4)}`)
        .join("\n");
      out += "\n";
    }
    out += "\n"; // the template's closing newline
    ctx.out.write("stdout", out);
    return 0;
  },
};
