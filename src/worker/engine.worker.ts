// The engine in a Web Worker: this file only exposes the API.
import { expose, type Endpoint } from 'comlink';
import { workerApi } from './workerApi';

expose(workerApi, self as unknown as Endpoint);
