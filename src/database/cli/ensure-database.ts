import { validateEnvironment } from '../../config/environment.js';
import { ensureDatabase } from '../ensure-database.js';

/** `npm run migration:run` calls this first, so the TypeORM CLI finds the database. */
const environment = validateEnvironment(process.env);
const outcome = await ensureDatabase(environment.DATABASE_URL);
if (outcome === 'created') process.stderr.write('casebridge: database created\n');
