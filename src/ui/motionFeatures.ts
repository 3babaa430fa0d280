// framer-motion's animation features, loaded after first paint (LazyMotion keeps them out of the entry chunk).
export { domAnimation as default } from "framer-motion";
