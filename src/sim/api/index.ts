// The shared vocabulary of the simulated API: types, the resource registry, quantities,
// selectors, names, defaults, validation, decoding, patches and owner references.
export * from "./types";
export * from "./resources";
export * from "./quantity";
export * from "./selectors";
export * from "./fieldSelectors";
export * from "./naming";
export * from "./ownerRefs";
export * from "./defaults";
export * from "./decode";
export * from "./patch";
export * from "./validation";
export { explain, schemaForKind, explainTypeName, goTypeName, type ExplainResult, type Field, type FieldType } from "./schema";
