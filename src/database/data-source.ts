import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { validateEnvironment } from '../config/environment.js';
import { databaseOptions } from './database-options.js';

/** The data source of the TypeORM CLI (`npm run migration:run`); the application builds the same one. */
export default new DataSource(databaseOptions(validateEnvironment(process.env)));
