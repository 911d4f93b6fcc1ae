import t from 'tap';
import { trackingCodeFor } from '../../../workflows/case/tracking-code.js';

t.test('tracking code › the codes already handed out stay the same', async (t) => {
  // Pinned from the createHash version: constituents quote these codes back.
  t.equal(trackingCodeFor('c-42'), 'P9QB-6WC9');
  t.equal(trackingCodeFor('6f1c2a4e-0b7d-4c55-9a1e-3d2f8b9c7e10'), 'T9CU-HM2D');
});
