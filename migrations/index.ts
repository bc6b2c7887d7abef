import { Foundation1795485871504 } from './1795485871504-Foundation.js';

/** Every migration, in order. A new migration is appended here; a landed one is never edited. */
export const MIGRATIONS = [Foundation1795485871504];
