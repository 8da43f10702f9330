// tools/apt-keyring.sh: setup.sh adds the deb-src entry for Dear ImGui's source with the
// keyring of the machine's own apt entry, so it must find that keyring in both apt
// formats and must not invent one (issue 16: set-up that respects the machine).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const script = path.resolve('tools/apt-keyring.sh');

function fixture(files) {
  const etc = fs.mkdtempSync(path.join(os.tmpdir(), 'pietura-apt-'));
  fs.mkdirSync(path.join(etc, 'sources.list.d'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(etc, name), text);
  return etc;
}
const keyring = (etc, uri) =>
  execFileSync(script, [uri], { env: { ...process.env, PIETURA_APT_ETC: etc }, encoding: 'utf8' }).trim();

test('issue 16: the keyring comes from the deb822 stanza with the same URI', () => {
  const etc = fixture({
    'sources.list.d/debian.sources':
      'Types: deb\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main\nSigned-By: /k/security.gpg\n\n' +
      'Types: deb\nURIs: http://mirror.example.lv/debian/ http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /k/archive.gpg\n',
  });
  assert.equal(keyring(etc, 'http://deb.debian.org/debian'), '/k/archive.gpg');
  assert.equal(keyring(etc, 'http://mirror.example.lv/debian'), '/k/archive.gpg');
  assert.equal(keyring(etc, 'http://deb.debian.org/debian-security/'), '/k/security.gpg');
});

test('issue 16: one-line sources give signed-by=, and no keyring is invented', () => {
  const etc = fixture({
    'sources.list': '# a comment\ndeb [arch=amd64 signed-by=/k/mirror.gpg] http://mirror.example.lv/debian/ bookworm main\n' +
      'deb http://other.example/debian bookworm main\n',
  });
  assert.equal(keyring(etc, 'http://mirror.example.lv/debian'), '/k/mirror.gpg');
  assert.equal(keyring(etc, 'http://other.example/debian'), '');
  assert.equal(keyring(etc, 'http://nowhere.example/debian'), '');
});
