export { ApplyExample } from "./ApplyExample";
