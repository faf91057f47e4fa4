// The fault-injection matrix's faults that leave the Docker engine alone (SIGKILL and SIGINT of kindling, SIGKILL of
// the engine child), in the integration tier beside the other files; faults.test.ts runs the engine restarts. See
// fault-matrix.ts.
import { faultMatrix } from '../support/integration/fault-matrix.js';

faultMatrix(['sigkill', 'sigint', 'kill-engine']);
