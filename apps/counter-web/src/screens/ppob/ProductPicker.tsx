import { Money } from '../../components/Money';
import { formatRupiah } from '../../format/rupiah';
import { t } from '../../i18n/i18n';
import type { KindGroup, KindId } from './product-kinds';

interface ProductPickerProps {
  groups: KindGroup[];
  kind: KindGroup;
  productCode: string | null;
  onKind: (kind: KindId) => void;
  onProduct: (code: string) => void;
  error?: string | null;
}

/**
 * Jenis pembayaran, then (for token and pulsa, or a kind with several products) the nominal with what the
 * customer pays. Radio groups: Tab enters a group, the arrow keys choose inside it.
 */
export function ProductPicker({
  groups,
  kind,
  productCode,
  onKind,
  onProduct,
  error,
}: ProductPickerProps) {
  const single = kind.products.length === 1 ? kind.products[0] : null;
  return (
    <>
      <fieldset class="field ppob-choices">
        <legend>{t('ppob.kind.legend')}</legend>
        <div class="ppob-options ppob-options--kinds">
          {groups.map((group) => (
            <label
              key={group.id}
              class={`ppob-option ${group.id === kind.id ? 'ppob-option--checked' : ''}`}
            >
              <input
                type="radio"
                name="ppob-kind"
                value={group.id}
                checked={group.id === kind.id}
                onChange={() => onKind(group.id)}
              />
              <span>{t(group.label)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {single && !kind.prepaid ? (
        <p class="field__hint ppob-postpaid-hint">
          {t('ppob.product.postpaid', { fee: formatRupiah(single.adminFee) })}
        </p>
      ) : (
        <fieldset
          class={`field ppob-choices ${error ? 'field--invalid' : ''}`}
          aria-describedby={error ? 'ppob-product-error' : undefined}
        >
          <legend>{kind.prepaid ? t('ppob.nominal.legend') : t('ppob.product.legend')}</legend>
          <div class="ppob-options ppob-options--products">
            {kind.products.map((product) => (
              <label
                key={product.code}
                class={`ppob-option ppob-option--product ${product.code === productCode ? 'ppob-option--checked' : ''}`}
              >
                <input
                  type="radio"
                  name="ppob-product"
                  value={product.code}
                  checked={product.code === productCode}
                  onChange={() => onProduct(product.code)}
                />
                <span class="ppob-option__text">
                  <span class="ppob-option__name">
                    {product.denomination !== null ? (
                      <Money amountRp={product.denomination} />
                    ) : (
                      product.name
                    )}
                  </span>
                  <span class="ppob-option__price">
                    {product.totalAmount !== null
                      ? t('ppob.nominal.pays', { amount: formatRupiah(product.totalAmount) })
                      : t('ppob.product.postpaid', { fee: formatRupiah(product.adminFee) })}
                  </span>
                </span>
              </label>
            ))}
          </div>
          {error && (
            <p id="ppob-product-error" class="field__error" role="alert">
              {error}
            </p>
          )}
        </fieldset>
      )}
    </>
  );
}
