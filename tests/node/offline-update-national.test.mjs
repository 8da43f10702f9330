// Issue 13: an update after one service's text changed downloads only what changed, at
// the generated national catalogue: 3,400 services, 587 contact points
// (the journey itself: update-journey.mjs).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './helpers.mjs';
import { updateJourney } from './update-journey.mjs';

updateJourney({
  label: 'at the national catalogue',
  fill: (dir) => execFileSync('node', [join(root, 'tools/gen-catalogue.mjs'), dir, '--services', '3400', '--contact-points', '587'],
    { stdio: 'ignore' }),
  damagedDelta: false,
});
