// The fault-injection matrix's Docker engine restarts (the `pause` fault: kindling paused at a step while the engine
// restarts), alone in the engine-restart tier; fault-steps.test.ts runs the other faults. See fault-matrix.ts.
import { faultMatrix } from '../support/integration/fault-matrix.js';

faultMatrix(['pause']);
