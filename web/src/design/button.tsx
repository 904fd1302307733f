import type { ButtonHTMLAttributes, Ref } from 'react';
import { Link, type LinkProps } from 'react-router';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

interface StyleProps {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
}

function className({ variant = 'secondary', size = 'md' }: StyleProps, extra?: string): string {
  return ['t-button', `t-button--${variant}`, size === 'sm' ? 't-button--sm' : '', extra ?? '']
    .filter(Boolean)
    .join(' ');
}

export function Button({
  variant,
  size,
  className: extra,
  type = 'button',
  ref,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & StyleProps & { ref?: Ref<HTMLButtonElement> }) {
  return <button ref={ref} type={type} className={className({ variant, size }, extra)} {...rest} />;
}

/** A link that looks like a button (navigation stays a link for assistive technology). */
export function ButtonLink({ variant, size, className: extra, ...rest }: LinkProps & StyleProps) {
  return <Link className={className({ variant, size }, extra)} {...rest} />;
}
