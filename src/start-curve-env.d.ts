// The default scenario's curve, computed by the engine when the app is built (a plugin in
// vite.config.ts; src/lib/startCurve.ts).
declare module 'virtual:start-curve' {
  const copy: import('./lib/startCurve').DisplayCopy;
  export default copy;
}
