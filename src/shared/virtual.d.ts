/** The bundled reference library, generated at build time from the seeds by the data plugin. */
declare module 'virtual:spinscope/library' {
  import type { Reference } from '../core/types.ts';
  const references: Reference[];
  export default references;
}
