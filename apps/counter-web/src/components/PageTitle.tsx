import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/i18n';

interface PageTitleProps {
  children: string;
}

/**
 * The screen's heading, focused when the screen opens so a screen reader and the keyboard start there, unless
 * the screen has already put the focus in its first field.
 */
export function PageTitle({ children }: PageTitleProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · ${t('app.title')}`;
    if (document.activeElement === document.body || document.activeElement === null)
      heading.current?.focus({ preventScroll: true });
  }, [children]);
  return (
    <h1 ref={heading} tabIndex={-1} class="page-title">
      {children}
    </h1>
  );
}
