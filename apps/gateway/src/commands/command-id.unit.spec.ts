import { commandIdFor } from './command-id.js';

describe('commandIdFor', () => {
  it('is the same for the same koperasi and key, and a valid UUID', () => {
    const id = commandIdFor('koperasi-1', 'key-1');
    expect(commandIdFor('koperasi-1', 'key-1')).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('differs between koperasi using the same key', () => {
    expect(commandIdFor('koperasi-1', 'key-1')).not.toBe(commandIdFor('koperasi-2', 'key-1'));
  });
});
