import { randomUUID } from 'node:crypto';
import { hashPassword } from './password-hasher.js';
import type { UsersRepository } from './users.repository.js';

/** A fresh platform has no one who could create users; give it an `admin`. Returns whether one was created. */
export async function bootstrapAdmin(users: UsersRepository, password: string): Promise<boolean> {
  if (await users.adminExists()) return false;
  // Two gateways starting together: the username's unique key lets only one insert.
  return users.insert({
    id: randomUUID(),
    username: 'admin',
    fullName: 'Administrator Platform',
    passwordHash: await hashPassword(password),
    role: 'admin',
    koperasiId: null,
    kotaKabupaten: null,
  });
}
