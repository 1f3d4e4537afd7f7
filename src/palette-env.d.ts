// The colour schemes of src/charts/palette.ts as CSS custom properties (a plugin in vite.config.ts).
declare module 'virtual:palette.css';
