// Tests run against src through the "@bibwire/source" export condition: no build needed.
export const sourceConditions = ['@bibwire/source', 'import', 'module', 'node', 'default'];
