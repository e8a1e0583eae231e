import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { experimentAt, experiments, shellQuote, splitCommand } from '../experiments';

const TEXT = `// experiment Commented { }
potential P { psi(w) = w^2 / 2 }
/* experiment Hidden { } */
experiment First {
    data regression(n = 4, d = 8, seed = 1)
    lr   0.1 per mirror { P: 0.05 }
}
experiment Second {
    report bregman
}
`;

test('experiments skips comments and nested braces', () => {
  assert.deepEqual(experiments(TEXT).map((b) => b.name), ['First', 'Second']);
});

test('the experiment around the caret is run', () => {
  assert.equal(experimentAt(TEXT, TEXT.indexOf('regression')), 'First');
  assert.equal(experimentAt(TEXT, TEXT.indexOf('bregman')), 'Second');
  assert.equal(experimentAt(TEXT, TEXT.indexOf('psi')), undefined);
  assert.equal(experimentAt('experiment Only { }\npotential P { }', 30), 'Only');
});

test('the server command setting splits at spaces', () => {
  assert.deepEqual(splitCommand(' /opt/bregman/bregman  lsp '), { program: '/opt/bregman/bregman', args: ['lsp'] });
  assert.deepEqual(splitCommand('bregman lsp'), { program: 'bregman', args: ['lsp'] });
});

test('file names are quoted for the shell', () => {
  assert.equal(shellQuote('/tmp/a.potential'), '/tmp/a.potential');
  assert.equal(shellQuote("/tmp/my file's.potential"), "'/tmp/my file'\\''s.potential'");
});
