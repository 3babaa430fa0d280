import type { ConfigMap, Namespace, Secret, ServiceAccount } from "../../../api";
import { keyOf, type ControllerDefinition } from "../framework";
import { ROOT_CA_CONFIGMAP, rootCaPublisherReconciler } from "./rootCaPublisher";
import { serviceAccountReconciler } from "./serviceAccountController";
import { SA_TOKEN_TYPE, tokensReconciler } from "./tokensController";

/** serviceaccount-controller: namespace changes and a deleted `default` ServiceAccount enqueue the namespace. */
export const serviceAccountController: ControllerDefinition = {
  name: "serviceaccount",
  create(setup) {
    const namespaces = setup.informer<Namespace>("namespaces");
    const accounts = setup.informer<ServiceAccount>("serviceaccounts");
    const runner = setup.run(serviceAccountReconciler);
    namespaces.addHandler({ add: (ns) => runner.enqueue(keyOf(ns)), update: (_o, ns) => runner.enqueue(keyOf(ns)) });
    accounts.addHandler({ delete: (sa) => runner.enqueue(sa.metadata.namespace ?? "") });
  },
};

/** root-ca-certificate-publisher: namespace changes and changes to `kube-root-ca.crt` enqueue the namespace. */
export const rootCaPublisherController: ControllerDefinition = {
  name: "root-ca-certificate-publisher",
  create(setup) {
    const namespaces = setup.informer<Namespace>("namespaces");
    const configMaps = setup.informer<ConfigMap>("configmaps");
    const runner = setup.run(rootCaPublisherReconciler);
    namespaces.addHandler({ add: (ns) => runner.enqueue(keyOf(ns)), update: (_o, ns) => runner.enqueue(keyOf(ns)) });
    const touched = (cm: ConfigMap) => {
      if (cm.metadata.name === ROOT_CA_CONFIGMAP) runner.enqueue(cm.metadata.namespace ?? "");
    };
    configMaps.addHandler({ update: (_o, cm) => touched(cm), delete: touched });
  },
};

/** tokens-controller: service-account-token Secrets. */
export const tokensController: ControllerDefinition = {
  name: "serviceaccount-token",
  create(setup) {
    const secrets = setup.informer<Secret>("secrets");
    setup.informer<ServiceAccount>("serviceaccounts");
    const runner = setup.run(tokensReconciler);
    const changed = (s: Secret) => {
      if (s.type === SA_TOKEN_TYPE) runner.enqueue(keyOf(s));
    };
    secrets.addHandler({ add: changed, update: (_o, s) => changed(s) });
  },
};
