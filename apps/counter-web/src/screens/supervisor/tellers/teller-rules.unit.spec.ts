import { checkTeller, tidyFullName } from './teller-rules';

const valid = {
  fullName: 'Siti Rahmawati',
  username: 'siti.rahma',
  password: 'sepuluh-karakter',
  passwordAgain: 'sepuluh-karakter',
};

describe('a new teller, checked by the gateway rules before sending', () => {
  it('accepts a well-formed teller, with names like the counter has', () => {
    expect(checkTeller(valid)).toEqual({});
    expect(checkTeller({ ...valid, fullName: "  Ni Made  O'Neil-Dewi S.Pd " })).toEqual({});
    expect(tidyFullName('  Ni   Made ')).toBe('Ni Made');
  });

  it.each([
    ['an empty name', { fullName: '  ' }, { fullName: 'supervisor.tellers.fullNameRequired' }],
    ['a one-letter name', { fullName: 'S' }, { fullName: 'supervisor.tellers.fullNameLength' }],
    [
      'a name with digits',
      { fullName: 'Siti 2' },
      { fullName: 'supervisor.tellers.fullNameChars' },
    ],
    [
      'a name starting with a dot',
      { fullName: '.Siti' },
      { fullName: 'supervisor.tellers.fullNameChars' },
    ],
    [
      'a capitalised username',
      { username: 'Siti' },
      { username: 'supervisor.tellers.usernameInvalid' },
    ],
    [
      'a username with a space',
      { username: 'siti rahma' },
      { username: 'supervisor.tellers.usernameInvalid' },
    ],
    [
      'a two-letter username',
      { username: 'si' },
      { username: 'supervisor.tellers.usernameInvalid' },
    ],
    ['no username', { username: '' }, { username: 'supervisor.tellers.usernameRequired' }],
    [
      'a nine-character password',
      { password: '123456789', passwordAgain: '123456789' },
      { password: 'supervisor.tellers.passwordLength' },
    ],
    [
      'passwords that differ',
      { passwordAgain: 'sepuluh-karakteR' },
      { passwordAgain: 'supervisor.tellers.passwordMismatch' },
    ],
  ])('refuses %s under its field', (_case, change, expected) => {
    expect(checkTeller({ ...valid, ...change })).toEqual(expected);
  });
});
