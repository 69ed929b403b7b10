import { hashPassword, verifyPassword } from './password-hasher.js';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('koperasi-demo-2026');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    await expect(verifyPassword('koperasi-demo-2026', stored)).resolves.toBe(true);
    await expect(verifyPassword('koperasi-demo-2027', stored)).resolves.toBe(false);
  });

  it('salts every hash, so equal passwords do not look equal', async () => {
    const [first, second] = await Promise.all([
      hashPassword('same-password'),
      hashPassword('same-password'),
    ]);
    expect(first).not.toBe(second);
  });

  it('given a burst of logins, more than hash at once, then each waits its turn and gets its own answer', async () => {
    const stored = await hashPassword('shift-starts');
    const attempts = [
      'shift-starts',
      'wrong-1',
      'shift-starts',
      'wrong-2',
      'shift-starts',
      'wrong-3',
    ];

    const answers = await Promise.all(attempts.map((password) => verifyPassword(password, stored)));

    expect(answers).toEqual([true, false, true, false, true, false]);
  });

  it('refuses a stored value it does not recognise instead of throwing', async () => {
    await expect(verifyPassword('anything', 'md5$abc')).resolves.toBe(false);
  });
});
