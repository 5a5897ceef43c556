# workerd's configuration for the example: `npx workerd serve config.capnp` serves worker.js on
# http://127.0.0.1:8787 (`--socket-addr http=HOST:PORT` picks another address). The modules
# are the files of the installed package, as they are published: the bare name "unboil" is
# the package's workerd entry (its `workerd` export condition), and the glue and the .wasm keep
# their paths beside it, so that the entry's relative imports find them.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:8787", http = (), service = "main") ],
);

const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "worker.js"),
    (name = "unboil", esModule = "export * from 'unboil/js/workerd.js';"),
    (name = "unboil/js/workerd.js", esModule = embed "node_modules/unboil/js/workerd.js"),
    (name = "unboil/pkg/unboil.js", esModule = embed "node_modules/unboil/pkg/unboil.js"),
    (name = "unboil/pkg/unboil_bg.wasm", wasm = embed "node_modules/unboil/pkg/unboil_bg.wasm"),
  ],
  compatibilityDate = "2026-11-01",
);
