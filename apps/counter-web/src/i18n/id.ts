/**
 * Bahasa Indonesia: the counter's language, and the source of every key (en.ts must have the same ones).
 * Flat keys, grouped by screen with a prefix; `{name}` is filled in by t().
 */
export const id = {
  // --- app shell ---
  'app.title': 'Kasir Koperasi',
  'app.skipToContent': 'Langsung ke isi',
  'app.language': 'Bahasa',
  'app.logout': 'Keluar',
  'app.menu': 'Menu',
  'app.loading': 'Memuat…',
  'app.back': 'Kembali',
  'app.retry': 'Coba lagi',
  'app.notFound': 'Halaman tidak ditemukan.',
  'app.loggedInAs': 'Masuk sebagai {name} ({role})',
  'app.role.teller': 'Kasir',
  'app.role.supervisor': 'Penyelia',
  'app.role.auditor': 'Auditor',
  'app.role.admin': 'Admin',
  'nav.home': 'Beranda',
  'nav.members': 'Anggota',
  'nav.savings': 'Simpanan',
  'nav.ppob': 'PPOB',
  'nav.installments': 'Angsuran',
  'nav.today': 'Transaksi hari ini',
  'nav.printerTest': 'Tes printer',
  'nav.supervisor': 'Penyelia',
  'nav.refunds': 'Refund',
  'nav.deposit': 'Deposit PPOB',
  'nav.remittances': 'Setoran ke bank',
  'nav.tellers': 'Kasir baru',
  'nav.forbidden': 'Halaman ini hanya untuk penyelia.',

  // --- login ---
  'login.title': 'Masuk',
  'login.subtitle': 'Kasir Koperasi Merah Putih',
  'login.username': 'Nama pengguna',
  'login.password': 'Kata sandi',
  'login.submit': 'Masuk',
  'login.submitting': 'Memeriksa…',
  'login.usernameRequired': 'Isi nama pengguna.',
  'login.passwordRequired': 'Isi kata sandi.',
  'login.invalid': 'Nama pengguna atau kata sandi salah.',
  'login.expired': 'Sesi Anda sudah berakhir. Silakan masuk lagi; isian yang belum dikirim masih tersimpan.',
  'login.notForCounter': 'Akun ini bukan akun kasir atau penyelia koperasi.',

  // --- common ---
  'common.rupiah': 'Rp',
  'common.amount': 'Jumlah',
  'common.total': 'Total',
  'common.confirm': 'Konfirmasi',
  'common.cancel': 'Batal',
  'common.save': 'Simpan',
  'common.next': 'Lanjut',
  'common.print': 'Cetak',
  'common.close': 'Tutup',
  'common.search': 'Cari',
  'common.none': 'Belum ada.',
  'common.status.SUCCESS': 'Sukses',
  'common.status.PENDING': 'Dalam proses',
  'common.status.PROCESSING': 'Dalam proses',
  'common.status.FAILED': 'Gagal',
  'common.required': 'Wajib diisi.',
  'common.amountInvalid': 'Isi jumlah dalam rupiah, tanpa sen.',
  'common.amountPositive': 'Jumlah harus lebih dari Rp 0.',

  // --- receipts ---
  'receipt.print': 'Cetak struk',
  'receipt.reprint': 'Cetak ulang',
  'receipt.printing': 'Menyiapkan struk…',
  'receipt.original': 'Asli (CA)',
  'receipt.copy': 'Cetak ulang (CU)',
  'receipt.title': 'Struk',

  // --- errors from the API ---
  'error.generic': 'Permintaan ditolak. Periksa isian lalu coba lagi.',
  'error.network': 'Koneksi terputus. Hasilnya belum diketahui.',
  'error.unknownOutcome': 'Hasil transaksi belum diketahui. Periksa lagi; jangan ulangi pembayaran.',
  'error.checkAgain': 'Periksa lagi',
  'error.server': 'Layanan sedang bermasalah. Coba lagi sebentar lagi.',
  'error.forbidden': 'Anda tidak berwenang melakukan ini.',
  'error.notFound': 'Data tidak ditemukan.',
  'error.sessionExpired': 'Sesi berakhir. Silakan masuk lagi.',
  'error.VALIDATION_FAILED': 'Ada isian yang belum benar.',

  // --- home ---
  // (home keys above this line)

  // --- members ---
  // (members keys above this line)

  // --- savings ---
  // (savings keys above this line)

  // --- ppob ---
  // (ppob keys above this line)

  // --- installments ---
  // (installments keys above this line)

  // --- today ---
  // (today keys above this line)

  // --- printer ---
  // (printer keys above this line)

  // --- supervisor ---
  // (supervisor keys above this line)
} as const;

export type MessageKey = keyof typeof id;
