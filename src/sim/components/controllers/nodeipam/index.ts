export { NodeIpamController, ALLOCATE_KEY } from "./nodeIpamController";
export { nodeIpamControllerDefinition } from "./nodeIpamDefinition";
export { CidrSet } from "./cidrSet";
