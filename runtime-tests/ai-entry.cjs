// `require('icer/ai')` from CommonJS: the entry resolves to the CJS build and exposes the adapter.
const ai = require('icer/ai');
const icer = require('icer');
if (typeof ai.aiSdkAdapter !== 'function' || typeof icer.DialogueGenerator !== 'function')
  throw new Error('missing exports');
if (!require.resolve('icer/ai').endsWith('ai.cjs'))
  throw new Error(`icer/ai resolved to ${require.resolve('icer/ai')}`);
console.log(JSON.stringify({ promptVersion: ai.PROMPT_VERSION }));
