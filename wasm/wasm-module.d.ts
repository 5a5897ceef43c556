// For the type check (npm run typecheck) only: a `.wasm` import, as workerd and Cloudflare's
// bundlers resolve it, is the compiled WebAssembly.Module (js/workerd.js).
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
