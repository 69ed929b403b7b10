import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '@koperasi/service-kit';
import { isCustomerNoRule, type Product } from '../domain/index.js';

interface ProductRow {
  code: string;
  name: string;
  kind: Product['kind'];
  biller: string;
  customer_no_rule: string;
  denomination_rp: string | null;
  admin_fee_rp: string;
  price_rp: string | null;
}

interface CachedCatalog {
  products: Map<string, Product>;
  loadedAtMs: number;
}

/** Catalog rows change by hand, rarely; a payment must not read them from the database every time. */
const CACHE_TTL_MS = 30_000;
const MAX_CACHED_KOPERASI = 10_000;

/**
 * A koperasi's products: its own rows if it has any, else the platform's default catalog; joined with the
 * aggregator's price list.
 */
@Injectable()
export class CatalogRepository {
  private readonly cache = new Map<string, CachedCatalog>();

  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async products(koperasiId: string): Promise<Product[]> {
    return [...(await this.catalog(koperasiId)).values()];
  }

  async product(koperasiId: string, code: string): Promise<Product | null> {
    return (await this.catalog(koperasiId)).get(code) ?? null;
  }

  private async catalog(koperasiId: string): Promise<Map<string, Product>> {
    const cached = this.cache.get(koperasiId);
    if (cached && Date.now() - cached.loadedAtMs < CACHE_TTL_MS) return cached.products;
    const { rows } = await this.pool.query<ProductRow>(
      `SELECT p.code, p.name, p.kind, p.biller, p.customer_no_rule, p.denomination_rp, p.admin_fee_rp, l.price_rp
       FROM products p LEFT JOIN price_list l ON l.product_code = p.code
       WHERE p.koperasi_id = $1
          OR (p.koperasi_id IS NULL AND NOT EXISTS (SELECT 1 FROM products own WHERE own.koperasi_id = $1))
       ORDER BY p.biller, p.kind, p.denomination_rp NULLS LAST, p.code`,
      [koperasiId],
    );
    const products = new Map(rows.map((row) => [row.code, productOf(row)]));
    if (this.cache.size >= MAX_CACHED_KOPERASI)
      this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(koperasiId, { products, loadedAtMs: Date.now() });
    return products;
  }
}

function productOf(row: ProductRow): Product {
  if (!isCustomerNoRule(row.customer_no_rule))
    throw new Error(`product ${row.code}: unknown rule ${row.customer_no_rule}`);
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    biller: row.biller,
    customerNoRule: row.customer_no_rule,
    denominationRp: row.denomination_rp === null ? null : Number(row.denomination_rp),
    adminFeeRp: Number(row.admin_fee_rp),
    // Postpaid prices come with each inquiry; a price list row for one is ignored.
    priceRp: row.kind === 'PREPAID' && row.price_rp !== null ? Number(row.price_rp) : null,
  };
}
