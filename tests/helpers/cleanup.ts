/** Setup file of every test project: each test file's temporary folders go when it ends. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp.ts';

afterAll(removeTempDirs);
