// Issue 13: an update after one service's text changed downloads only what changed, on
// the default content (the journey itself: update-journey.mjs).
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './helpers.mjs';
import { updateJourney } from './update-journey.mjs';

updateJourney({ fill: (dir) => cpSync(join(root, 'content'), dir, { recursive: true }) });
