import { Button, Link, type ButtonProps } from '@fluentui/react-components';
import type { MouseEvent, ReactNode } from 'react';
import { useNavigate } from 'react-router';

/**
 * Real anchors (open in a new tab works); a plain left click stays in the app. Modified clicks and
 * other buttons are left to the browser.
 */
function useFollow(to: string) {
  const navigate = useNavigate();
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate(to);
  };
}

interface RouterLinkProps {
  to: string;
  children: ReactNode;
  className?: string;
  'aria-label'?: string;
}

/** A Fluent text link to a page of the portal. */
export function RouterLink({ to, ...props }: RouterLinkProps) {
  const follow = useFollow(to);
  return <Link {...props} href={to} onClick={follow} />;
}

export type LinkButtonProps = RouterLinkProps & Pick<ButtonProps, 'appearance' | 'icon' | 'iconPosition' | 'size' | 'shape'>;

/** A Fluent button that is a link to a page of the portal (navigation, not an action). */
export function LinkButton({ to, ...props }: LinkButtonProps) {
  const follow = useFollow(to);
  return <Button {...props} as="a" href={to} onClick={follow} />;
}
