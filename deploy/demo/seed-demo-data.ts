/**
 * Demo data for an empty system, through the gateway's public API like any client: two Semarang koperasi
 * and their staff. Safe to run again: what exists is left as it is.
 */
const GATEWAY = `http://127.0.0.1:${process.env.GATEWAY_HTTP_PORT ?? '3000'}/api/v1`;
/** npm start makes it on the first start and keeps it in .run/secrets.env. */
const PASSWORD = process.env.DEMO_PASSWORD ?? '';
/** The PPOB deposit a demo supervisor tops up, so the counter can take bill payments at once. */
const DEMO_DEPOSIT_RP = 10_000_000;

const KOPERASI = [
  {
    code: 'GDW',
    name: 'KKMP Gedawang',
    kelurahan: 'Gedawang',
    kecamatan: 'Banyumanik',
    kotaKabupaten: 'Kota Semarang',
    provinsi: 'Jawa Tengah',
    simpananPokokAmount: 25_000,
    simpananWajibMonthlyAmount: 15_000,
    staff: ['teller', 'supervisor', 'auditor'],
  },
  {
    code: 'TGS',
    name: 'KKMP Tegalsari',
    kelurahan: 'Tegalsari',
    kecamatan: 'Candisari',
    kotaKabupaten: 'Kota Semarang',
    provinsi: 'Jawa Tengah',
    simpananPokokAmount: 25_000,
    simpananWajibMonthlyAmount: 15_000,
    staff: ['teller'],
  },
];

/** The names receipts print: each demo user is someone the counter would know by name. */
const FULL_NAMES: Record<string, string> = {
  'teller.gedawang': 'Siti Rahmawati',
  'supervisor.gedawang': 'Bambang Sutrisno',
  'auditor.gedawang': 'Dewi Lestari',
  'teller.tegalsari': 'Agus Setiawan',
  'auditor.semarang': 'Hendra Kurniawan',
};

interface Koperasi {
  id: string;
  code: string;
}

async function call<T>(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  key?: string,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${GATEWAY}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as T };
}

async function seed(): Promise<void> {
  if (PASSWORD.length < 10)
    throw new Error(
      'DEMO_PASSWORD is missing or shorter than 10 characters (npm start keeps one in .run/secrets.env)',
    );
  const login = await call<{ accessToken: string }>('POST', '/auth/login', null, {
    username: 'admin',
    password: PASSWORD,
  });
  if (login.status !== 200 && login.status !== 201) {
    // A database made before npm start kept its secrets in .run/secrets.env has the admin of an older password.
    throw new Error(
      `admin login failed: ${login.status}; the admin's password is not DEMO_PASSWORD (.run/secrets.env): set DEMO_PASSWORD to it`,
    );
  }
  const token = login.body.accessToken;
  const existing = await call<Koperasi[]>('GET', '/koperasi', token);
  for (const { staff, ...koperasi } of KOPERASI) {
    let found = existing.body.find((candidate) => candidate.code === koperasi.code);
    if (!found) {
      const created = await call<Koperasi>(
        'POST',
        '/koperasi',
        token,
        koperasi,
        `demo-koperasi-${koperasi.code}`,
      );
      if (created.status !== 201)
        throw new Error(
          `koperasi ${koperasi.code}: ${created.status} ${JSON.stringify(created.body)}`,
        );
      found = created.body;
    }
    for (const role of staff) {
      const username = `${role}.${koperasi.kelurahan.toLowerCase()}`;
      const fullName = FULL_NAMES[username] ?? 'Petugas Koperasi';
      const user = await call(
        'POST',
        '/users',
        token,
        { username, fullName, password: PASSWORD, role, koperasiId: found.id },
        `demo-user-${username}`,
      );
      if (user.status !== 201 && user.status !== 409)
        throw new Error(`user ${username}: ${user.status} ${JSON.stringify(user.body)}`);
    }
    if (staff.includes('supervisor'))
      await topUpDeposit(koperasi.code, `supervisor.${koperasi.kelurahan.toLowerCase()}`);
  }
  const cityAuditor = {
    username: 'auditor.semarang',
    fullName: FULL_NAMES['auditor.semarang'],
    password: PASSWORD,
    role: 'auditor',
    kotaKabupaten: 'Kota Semarang',
  };
  const created = await call(
    'POST',
    '/users',
    token,
    cityAuditor,
    `demo-user-${cityAuditor.username}`,
  );
  if (created.status !== 201 && created.status !== 409)
    throw new Error(`city auditor: ${created.status} ${JSON.stringify(created.body)}`);
  process.stdout.write(
    `${JSON.stringify({ step: 'demo-data', koperasi: KOPERASI.map((k) => k.name) })}\n`,
  );
}

/** The bank transfer into the aggregator deposit, recorded by the supervisor once per transfer reference. */
async function topUpDeposit(code: string, supervisor: string): Promise<void> {
  const login = await call<{ accessToken: string }>('POST', '/auth/login', null, {
    username: supervisor,
    password: PASSWORD,
  });
  if (login.status !== 200 && login.status !== 201)
    throw new Error(`${supervisor} login failed: ${login.status}`);
  const bankTransferRef = `DEMO-TOPUP-${code}`;
  const topUp = await call(
    'POST',
    '/billpay/deposit/topups',
    login.body.accessToken,
    { amount: DEMO_DEPOSIT_RP, bankTransferRef },
    bankTransferRef,
  );
  if (topUp.status >= 400 && topUp.status !== 409)
    throw new Error(`deposit top-up ${code}: ${topUp.status} ${JSON.stringify(topUp.body)}`);
}

seed().catch((error) => {
  process.stderr.write(
    `demo data failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
