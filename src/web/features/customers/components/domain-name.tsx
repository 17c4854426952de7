import { Fragment } from 'react';

/** A domain that may wrap after its dots on a narrow screen, never in the middle of a label. */
export function DomainName({ domain }: { domain: string }) {
  const labels = domain.split('.');
  return (
    <>
      {labels.map((label, index) => (
        <Fragment key={index}>
          {label}
          {index < labels.length - 1 ? (
            <>
              .<wbr />
            </>
          ) : null}
        </Fragment>
      ))}
    </>
  );
}
