// The web engine's download size (module, glue and web entry, compressed), measured on the
// built package by scripts/sizes.mjs: it must stay within the budget (300 KB gzip, 250 KB
// brotli: BUDGET there) and must not grow past its ceiling, which is set close above the current size so that growth is noticed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGET, CEILING, measure } from '../../scripts/sizes.mjs';

const { total } = measure();

test('the web engine is within its budget of 300 KB gzip and 250 KB brotli', () => {
  assert.ok(total.gzip <= BUDGET.gzip, `gzip ${total.gzip} bytes > budget ${BUDGET.gzip}`);
  assert.ok(total.brotli <= BUDGET.brotli, `brotli ${total.brotli} bytes > budget ${BUDGET.brotli}`);
});

test('the web engine does not grow past its ceiling', () => {
  assert.ok(CEILING.gzip <= BUDGET.gzip && CEILING.brotli <= BUDGET.brotli, 'the ceiling is within the budget');
  assert.ok(total.gzip <= CEILING.gzip, `gzip ${total.gzip} bytes > ceiling ${CEILING.gzip}`);
  assert.ok(total.brotli <= CEILING.brotli, `brotli ${total.brotli} bytes > ceiling ${CEILING.brotli}`);
});
